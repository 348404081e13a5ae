/* The micro-benchmark guest's interface: run modes, the hypercalls it uses, the devices it touches. */
#ifndef MICROBENCH_H
#define MICROBENCH_H

typedef unsigned long u64;
typedef unsigned int u32;

/* Run modes, passed in x0 at entry (bits 7:0; the hypervisor adds MODE_SMP on a machine of more than one core). */
#define MODE_MASK 0xffUL
#define MODE_SMP 0x200UL /* Persona.Hypervisor's KernelFlags.Smp: the suite starts a second vCPU and measures the IPI round trip */
enum {
    MODE_SUITE = 0,    /* the personal persona: measure each exit kind, print the table, power off */
    MODE_PARTNER = 1,  /* the work persona: switch straight back, forever (the other half of a world-switch round trip) */
    MODE_WORKLOAD = 2, /* the same workload bare or under the hypervisor: memory and ALU rounds, one UART byte per round */
};

/* Hypercalls (Persona.Hypervisor's Hypercall enum): hvc #0, function in x0, argument in x1, result in x0. */
enum { HC_STATUS = 0x100, HC_SWITCH = 0x105 };

#define PSCI_SYSTEM_OFF 0x84000008UL
#define PSCI_CPU_OFF 0x84000002UL
#define PSCI_CPU_ON 0xC4000003UL /* x1 = target MPIDR (vCPU n is affinity 0.0.0.n), x2 = entry, x3 = context id */

/* The PL011: at this address on the bare machine, and trapped and emulated by the hypervisor at the same IPA. */
#define UART_BASE 0x09000000UL
#define UART_DR 0x00
#define UART_FR 0x18

/* The GIC CPU interface by encoding (the assembler may not know the GICv3 names), and the INTID it reads when nothing is pending. */
#define ICC_PMR_EL1 "s3_0_c4_c6_0"
#define ICC_IAR1_EL1 "s3_0_c12_c12_0"
#define ICC_EOIR1_EL1 "s3_0_c12_c12_1"
#define ICC_IGRPEN1_EL1 "s3_0_c12_c12_7"
#define ICC_SGI1R_EL1 "s3_0_c12_c11_5" /* INTID in bits 27:24, Aff0 target list in bits 15:0 */
#define INTID_SPURIOUS 1023

/* The IPI round trip: vCPU 0 sends SGI_PING to vCPU 1, which answers with SGI_PONG. */
#define SGI_PING 1
#define SGI_PONG 2
#define SECONDARY_STACK_BYTES 4096

/* Iterations per measurement: enough that one measurement spans many traps, few enough to keep the run short. */
#define ITERATIONS 1000

/* Workload: rounds over a buffer, touching one word per 64-byte line. */
#define WORKLOAD_ROUNDS 128
#define WORKLOAD_BYTES (256 * 1024)

#endif
