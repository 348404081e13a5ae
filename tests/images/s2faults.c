/*
 * Stage-2 faults from an EL1 guest (stage 1 off), reported to EL2 with ESR, FAR and HPFAR: translation faults at levels
 * 1, 2 and 3 and beyond the IPA size; permission faults on a page, a 2 MiB and a 1 GiB block (read-only, no-access,
 * write-only, execute-never); access-flag faults on a page and a block; an address-size fault; and the data-abort
 * instruction syndrome (ISV, SAS, SSE, SRT, SF, AR) of each load/store form, or its absence for pairs and writeback.
 */
#include "lib.h"

#define S2_TABLE 0x3UL
#define S2_BLOCK 0x1UL
#define S2_PAGE 0x3UL
#define S2_AF (1UL << 10)
#define S2_SH_INNER (3UL << 8)
#define S2_AP_NONE (0UL << 6)
#define S2_AP_RO (1UL << 6)
#define S2_AP_WO (2UL << 6)
#define S2_AP_RW (3UL << 6)
#define S2_XN (2UL << 53)
#define S2_MEM_NORMAL (0xFUL << 2)
#define S2_MEM_DEVICE (0x1UL << 2)
#define S2_NORMAL (S2_SH_INNER | S2_MEM_NORMAL)

#define TEST_IPA 0x48000000UL

static u64 guest_stack[512] __attribute__((aligned(16)));
static char target_page[4096] __attribute__((aligned(4096)));

static u64 *s2_l1(void) { return (u64 *)(__pagetables + 0x0000); }
static u64 *s2_l2(void) { return (u64 *)(__pagetables + 0x1000); }
static u64 *s2_l3(void) { return (u64 *)(__pagetables + 0x2000); }

void secondary_main(u64 cpu)
{
    (void)cpu;
}

void el2_exception(struct frame *f, u64 vector)
{
    u64 esr = read_sysreg(esr_el2);
    u64 ec = esr >> 26;
    if (vector != VEC_LOWER_SYNC) {
        print_hex("unexpected EL2 vector", vector);
        psci_system_off();
    }
    if (ec == 0x16 && (esr & 0xFFFF) == 0xFFFF) {
        puts("guest done\n");
        el2_guest_done(f);
    }
    print_hex("  esr", esr);
    print_hex("  far", read_sysreg(far_el2));
    print_hex("  hpfar", read_sysreg(hpfar_el2));
    if (ec == 0x20)
        write_sysreg(elr_el2, f->x[30]);
    else
        write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

void el1_exception(struct frame *f, u64 vector)
{
    (void)f;
    print_hex("unexpected EL1 vector", vector);
    print_hex("  esr", read_sysreg(esr_el1));
    psci_system_off();
}

static void build_stage2(void)
{
    u64 *l1 = s2_l1(), *l2 = s2_l2(), *l3 = s2_l3();
    for (int i = 0; i < 512; i++)
        l1[i] = l2[i] = l3[i] = 0;
    u64 page = (u64)target_page;
    u64 code = (u64)build_stage2 & ~0xFFFUL;
    l1[0] = 0x00000000UL | S2_AF | S2_AP_RW | S2_MEM_DEVICE | S2_BLOCK;
    l1[1] = (u64)l2 | S2_TABLE;
    l1[2] = 0;                                                                   /* level-1 translation fault */
    l1[3] = 0x40000000UL | S2_AF | S2_AP_RO | S2_NORMAL | S2_BLOCK;              /* 1 GiB read-only block */
    for (int i = 0; i < 64; i++)
        l2[i] = (0x40000000UL + ((u64)i << 21)) | S2_AF | S2_AP_RW | S2_NORMAL | S2_BLOCK;
    l2[64] = (u64)l3 | S2_TABLE;                                                 /* IPA 0x48000000: pages */
    l2[65] = 0;                                                                  /* level-2 translation fault */
    l2[66] = 0x40000000UL | S2_AF | S2_AP_RO | S2_NORMAL | S2_BLOCK;             /* 2 MiB read-only block */
    l2[67] = 0x40000000UL | S2_AP_RW | S2_NORMAL | S2_BLOCK;                     /* 2 MiB block, AF clear */
    l2[68] = 0x40000000UL | S2_AF | S2_AP_RW | S2_NORMAL | S2_XN | S2_BLOCK;     /* 2 MiB execute-never block */
    l3[0] = page | S2_AF | S2_AP_RW | S2_NORMAL | S2_PAGE;
    l3[1] = 0;                                                                   /* level-3 translation fault */
    l3[2] = page | S2_AF | S2_AP_RO | S2_NORMAL | S2_PAGE;
    l3[3] = page | S2_AP_RW | S2_NORMAL | S2_PAGE;                               /* AF clear */
    l3[4] = code | S2_AF | S2_AP_RW | S2_NORMAL | S2_XN | S2_PAGE;
    l3[5] = page | S2_AF | S2_AP_NONE | S2_NORMAL | S2_PAGE;
    l3[6] = page | S2_AF | S2_AP_WO | S2_NORMAL | S2_PAGE;
    l3[7] = (page | (1UL << 41)) | S2_AF | S2_AP_RW | S2_NORMAL | S2_PAGE;      /* output beyond VTCR_EL2.PS (40 bits) */
    dsb();
    write_sysreg(vtcr_el2, 0x80023560UL);
    write_sysreg(vttbr_el2, (u64)l1 | (2UL << 48));
    isb();
    __asm__ volatile("tlbi vmalls12e1is\n dsb ish\n isb" ::: "memory");
}

#define LOAD(label, insn, addr)                                                          \
    do {                                                                                 \
        puts(label "\n");                                                                \
        __asm__ volatile("mov x3, %0\n " insn : : "r"((u64)(addr)) : "x3", "x4", "x5", "memory"); \
    } while (0)

static void execute_at(const char *label, u64 target)
{
    puts(label);
    puts("\n");
    __asm__ volatile("blr %0" : : "r"(target) : "x30", "memory");
}

static void guest(void)
{
    u64 code_offset = (u64)build_stage2 & 0xFFFUL;
    puts("guest at EL1\n");
    *(volatile u64 *)TEST_IPA = 0x1234;
    print_hex("mapped page reads", *(volatile u64 *)TEST_IPA);
    print_hex("through its PA", *(volatile u64 *)target_page);

    LOAD("level-1 translation fault:", "ldr x4, [x3]", 0x80000000UL + 0x123458);
    LOAD("level-2 translation fault:", "ldr x4, [x3]", TEST_IPA + 0x200000 + 0x10);
    LOAD("level-3 translation fault:", "ldr x4, [x3]", TEST_IPA + 0x1000 + 0x18);
    LOAD("beyond the 4 GiB IPA space:", "ldr x4, [x3]", 0x100000000UL + 0x2000);
    LOAD("1 GiB read-only block, write:", "str x4, [x3]", 0xC0000000UL + 0x3000);
    LOAD("1 GiB read-only block, read:", "ldr x4, [x3]", 0xC0000000UL + 0x3000);
    LOAD("2 MiB read-only block, write:", "str w4, [x3]", TEST_IPA + 0x400000 + 0x40);
    LOAD("2 MiB block with AF clear:", "ldr w4, [x3]", TEST_IPA + 0x600000 + 0x44);
    LOAD("read-only page, write:", "strh w4, [x3]", TEST_IPA + 0x2000 + 0x22);
    LOAD("read-only page, read:", "ldrh w4, [x3]", TEST_IPA + 0x2000 + 0x22);
    LOAD("page with AF clear:", "ldrb w4, [x3]", TEST_IPA + 0x3000 + 0x7);
    LOAD("no-access page, read:", "ldr x4, [x3]", TEST_IPA + 0x5000);
    LOAD("write-only page, read:", "ldr x4, [x3]", TEST_IPA + 0x6000);
    LOAD("write-only page, write:", "str x4, [x3]", TEST_IPA + 0x6000);
    LOAD("output address beyond PS:", "ldr x4, [x3]", TEST_IPA + 0x7000);
    execute_at("execute-never page:", TEST_IPA + 0x4000 + code_offset);
    execute_at("execute-never 2 MiB block:", TEST_IPA + 0x800000 + code_offset);
    execute_at("unmapped code:", TEST_IPA + 0x1000);

    puts("syndromes of each load/store form at an unmapped IPA:\n");
    LOAD("ldrsb x:", "ldrsb x5, [x3]", TEST_IPA + 0x1000);
    LOAD("ldrsb w:", "ldrsb w5, [x3]", TEST_IPA + 0x1000);
    LOAD("ldrsh x:", "ldrsh x5, [x3]", TEST_IPA + 0x1000);
    LOAD("ldrsw:", "ldrsw x5, [x3]", TEST_IPA + 0x1000);
    LOAD("ldur:", "ldur x5, [x3, #-8]", TEST_IPA + 0x1010);
    LOAD("ldr register offset:", "mov x4, #16\n ldr w5, [x3, x4]", TEST_IPA + 0x1000);
    LOAD("ldar:", "ldar x5, [x3]", TEST_IPA + 0x1000);
    LOAD("stlrb:", "stlrb w5, [x3]", TEST_IPA + 0x1000);
    LOAD("ldxr:", "ldxr x5, [x3]", TEST_IPA + 0x1000);
    LOAD("stxr:", "stxr w4, x5, [x3]", TEST_IPA + 0x1000);
    LOAD("ldp:", "ldp x4, x5, [x3]", TEST_IPA + 0x1000);
    LOAD("ldr post-index:", "ldr x5, [x3], #8", TEST_IPA + 0x1000);
    LOAD("str pre-index:", "str x5, [x3, #8]!", TEST_IPA + 0x1000);
    LOAD("str xzr:", "str xzr, [x3]", TEST_IPA + 0x1000);
    LOAD("dc zva on a read-only page:", "dc zva, x3", TEST_IPA + 0x2000);
    LOAD("dc civac on an unmapped IPA:", "dc civac, x3", TEST_IPA + 0x1000);
    puts("guest finished\n");
    guest_done();
}

int main(void)
{
    puts("s2faults: start\n");
    build_stage2();
    write_sysreg(cptr_el2, 0x33FFUL);
    run_el1(guest, (u64)(guest_stack + 512), HCR_RW | HCR_VM);
    puts("s2faults: back at EL2\n");
    return 0;
}
