/*
 * Stage-1 permissions in the EL1&0 regime (no stage 2): AT S1E1R/W and S1E0R/W into PAR_EL1 for every AP, UXN, PXN and
 * AF combination on pages, on 2 MiB and 1 GiB blocks, and under APTable/UXNTable/PXNTable; TTBR1 and EPD1, a
 * non-canonical VA, top-byte-ignore; then real faults: a write to a read-only page, execution of a PXN page and of a
 * page writable at EL0 (implicitly privileged execute-never) and under PXNTable.
 */
#include "lib.h"

#define PT_TABLE 3UL
#define PT_PAGE 3UL
#define PT_BLOCK 1UL
#define PT_ATTR_DEVICE (0UL << 2)
#define PT_ATTR_NORMAL (1UL << 2)
#define PT_AP(x) ((u64)(x) << 6)
#define PT_SH_INNER (3UL << 8)
#define PT_AF (1UL << 10)
#define PT_PXN (1UL << 53)
#define PT_UXN (1UL << 54)
#define PT_PXN_TABLE (1UL << 59)
#define PT_UXN_TABLE (1UL << 60)
#define PT_AP_TABLE(x) ((u64)(x) << 61)
#define NORMAL (PT_ATTR_NORMAL | PT_SH_INNER | PT_AF)

#define TEST_VA 0x48000000UL
#define UPPER_VA 0xFFFFFFFFC0000000UL

static u64 guest_stack[512] __attribute__((aligned(16)));
static char data_page[4096] __attribute__((aligned(4096)));

static u64 *table(int i) { return (u64 *)(__pagetables + 0x1000UL * (u64)i); }

void secondary_main(u64 cpu)
{
    (void)cpu;
}

void el2_exception(struct frame *f, u64 vector)
{
    u64 esr = read_sysreg(esr_el2);
    if (vector == VEC_LOWER_SYNC && (esr >> 26) == 0x16 && (esr & 0xFFFF) == 0xFFFF) {
        puts("guest done\n");
        el2_guest_done(f);
    }
    print_hex("unexpected EL2 vector", vector);
    print_hex("  esr", esr);
    psci_system_off();
}

void el1_exception(struct frame *f, u64 vector)
{
    u64 esr = read_sysreg(esr_el1);
    print_hex("EL1 vector", vector);
    print_hex("  esr", esr);
    print_hex("  far", read_sysreg(far_el1));
    if ((esr >> 26) == 0x21)
        write_sysreg(elr_el1, f->x[30]);
    else
        write_sysreg(elr_el1, read_sysreg(elr_el1) + 4);
}

static void build_tables(void)
{
    u64 *l1 = table(0), *l2 = table(1), *l3 = table(2), *l3_no_el0 = table(3), *l3_read_only = table(4), *l3_xn = table(5);
    u64 *upper_l1 = table(6);
    for (int t = 0; t < 7; t++)
        for (int i = 0; i < 512; i++)
            table(t)[i] = 0;
    u64 page = (u64)data_page;
    u64 code = (u64)build_tables & ~0xFFFUL;
    l1[0] = 0x00000000UL | PT_ATTR_DEVICE | PT_AF | PT_BLOCK | PT_AP(1) | PT_UXN | PT_PXN;
    l1[1] = (u64)l2 | PT_TABLE;
    l1[2] = 0x40000000UL | NORMAL | PT_AP(2) | PT_BLOCK;                    /* 1 GiB, EL1 read-only */
    for (int i = 0; i < 64; i++)
        l2[i] = (0x40000000UL + ((u64)i << 21)) | NORMAL | PT_AP(0) | PT_BLOCK;
    l2[64] = (u64)l3 | PT_TABLE;
    l2[65] = (u64)l3_no_el0 | PT_TABLE | PT_AP_TABLE(1);
    l2[66] = (u64)l3_read_only | PT_TABLE | PT_AP_TABLE(2);
    l2[67] = (u64)l3_xn | PT_TABLE | PT_UXN_TABLE | PT_PXN_TABLE;
    l2[68] = 0x40000000UL | NORMAL | PT_AP(3) | PT_BLOCK;                   /* 2 MiB, read-only everywhere */
    l2[69] = 0x40000000UL | NORMAL | PT_AP(1) | PT_UXN | PT_BLOCK;          /* 2 MiB, RW everywhere, UXN */
    for (int ap = 0; ap < 4; ap++)
        l3[ap] = page | NORMAL | PT_AP(ap) | PT_PAGE;
    l3[4] = page | NORMAL | PT_AP(1) | PT_UXN | PT_PAGE;
    l3[5] = page | NORMAL | PT_AP(1) | PT_PXN | PT_PAGE;
    l3[6] = page | PT_ATTR_NORMAL | PT_SH_INNER | PT_AP(1) | PT_PAGE;       /* AF clear */
    l3[7] = 0;
    l3[8] = code | NORMAL | PT_AP(0) | PT_PXN | PT_PAGE;
    l3[9] = code | NORMAL | PT_AP(1) | PT_PAGE;                             /* writable at EL0: not executable at EL1 */
    l3_no_el0[0] = page | NORMAL | PT_AP(1) | PT_PAGE;
    l3_read_only[0] = page | NORMAL | PT_AP(1) | PT_PAGE;
    l3_xn[0] = code | NORMAL | PT_AP(3) | PT_PAGE;
    upper_l1[511] = 0x40000000UL | NORMAL | PT_AP(1) | PT_BLOCK;
    dsb();
}

static u64 at(u64 va, int op)
{
    u64 par;
    switch (op) {
    case 0: __asm__ volatile("at s1e1r, %0" : : "r"(va) : "memory"); break;
    case 1: __asm__ volatile("at s1e1w, %0" : : "r"(va) : "memory"); break;
    case 2: __asm__ volatile("at s1e0r, %0" : : "r"(va) : "memory"); break;
    default: __asm__ volatile("at s1e0w, %0" : : "r"(va) : "memory"); break;
    }
    isb();
    par = read_sysreg(par_el1);
    return par & ~(1UL << 9); /* PAR_EL1.NS is UNKNOWN for a Non-secure regime */
}

static void probe(const char *label, u64 va)
{
    puts(label);
    puts(":");
    for (int op = 0; op < 4; op++) {
        puts(" ");
        put_hex(at(va, op));
    }
    puts("\n");
}

static void fetch(const char *label, u64 va)
{
    puts(label);
    puts("\n");
    __asm__ volatile("blr %0" : : "r"(va) : "x30", "memory");
}

static void guest(void)
{
    u64 code_offset = (u64)build_tables & 0xFFFUL;
    puts("guest at EL1\n");
    build_tables();
    write_sysreg(mair_el1, 0xFF00UL);
    /* T0SZ = T1SZ = 25, 4 KiB granules, inner-shareable write-back walks, IPS = 40 bits. */
    u64 tcr = 25UL | (1UL << 8) | (1UL << 10) | (3UL << 12) | (25UL << 16) | (1UL << 24) | (1UL << 26) | (3UL << 28)
              | (2UL << 30) | (2UL << 32);
    write_sysreg(tcr_el1, tcr);
    write_sysreg(ttbr0_el1, (u64)table(0));
    write_sysreg(ttbr1_el1, (u64)table(6));
    isb();
    __asm__ volatile("tlbi vmalle1\n dsb nsh\n isb" ::: "memory");
    write_sysreg(sctlr_el1, 0x30D00800UL | 1UL | (1UL << 2) | (1UL << 12));
    isb();

    puts("PAR for AT S1E1R S1E1W S1E0R S1E0W:\n");
    probe("AP=00", TEST_VA + 0x0000);
    probe("AP=01", TEST_VA + 0x1000);
    probe("AP=10", TEST_VA + 0x2000);
    probe("AP=11", TEST_VA + 0x3000);
    probe("UXN", TEST_VA + 0x4000);
    probe("PXN", TEST_VA + 0x5000);
    probe("AF clear", TEST_VA + 0x6000);
    probe("invalid", TEST_VA + 0x7000);
    probe("APTable=01", TEST_VA + 0x200000);
    probe("APTable=10", TEST_VA + 0x400000);
    probe("UXNTable PXNTable", TEST_VA + 0x600000);
    probe("2 MiB block AP=11", TEST_VA + 0x800000 + 0x1234);
    probe("2 MiB block AP=01 UXN", TEST_VA + 0xA00000 + 0x5678);
    probe("1 GiB block AP=10", 0x80000000UL + 0x123456);
    probe("TTBR1 1 GiB block", UPPER_VA + 0x42000);
    probe("non-canonical", 0x0000800000000000UL);
    probe("beyond T0SZ", 0x0000008000000000UL);

    *(volatile u64 *)data_page = 0x77;
    puts("tagged load without TBI0:\n");
    __asm__ volatile("ldr x5, [%0]" : : "r"((u64)data_page | (0x5AUL << 56)) : "x5", "memory");
    write_sysreg(tcr_el1, tcr | (1UL << 37));
    isb();
    __asm__ volatile("tlbi vmalle1\n dsb nsh\n isb" ::: "memory");
    print_hex("tagged load with TBI0", *(volatile u64 *)((u64)data_page | (0x5AUL << 56)));
    probe("tagged AT with TBI0", (u64)data_page | (0xA5UL << 56));
    write_sysreg(tcr_el1, tcr | (1UL << 23));
    isb();
    __asm__ volatile("tlbi vmalle1\n dsb nsh\n isb" ::: "memory");
    probe("TTBR1 with EPD1", UPPER_VA + 0x42000);
    write_sysreg(tcr_el1, tcr);
    isb();
    __asm__ volatile("tlbi vmalle1\n dsb nsh\n isb" ::: "memory");

    puts("write to AP=10:\n");
    *(volatile u64 *)(TEST_VA + 0x2000) = 1;
    puts("write to APTable=10:\n");
    *(volatile u64 *)(TEST_VA + 0x400000) = 1;
    puts("write to 1 GiB AP=10 block:\n");
    *(volatile u32 *)(0x80000000UL + 0x100) = 1;
    fetch("execute PXN page:", TEST_VA + 0x8000 + code_offset);
    fetch("execute page writable at EL0:", TEST_VA + 0x9000 + code_offset);
    fetch("execute under PXNTable:", TEST_VA + 0x600000 + code_offset);
    puts("guest finished\n");
    guest_done();
}

int main(void)
{
    puts("stage1perm: start\n");
    write_sysreg(cptr_el2, 0x33FFUL);
    run_el1(guest, (u64)(guest_stack + 512), HCR_RW);
    puts("stage1perm: back at EL2\n");
    return 0;
}
