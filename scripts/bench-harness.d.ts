export interface Workload {
    readonly name: string;
    /** What one run processes, e.g. `1,000,000 reads`. */
    readonly size: string;
    /** Items per run, for the rows/s figure. */
    readonly items: number;
    readonly ours: () => unknown;
    readonly baseline: () => unknown;
    /** An optional target: ours must take less than this many milliseconds (printed, not asserted in tests). */
    readonly targetMs?: number;
    readonly warmup?: number;
    readonly runs?: number;
}
export declare const bench: (workloads: ReadonlyArray<Workload>) => void;
//# sourceMappingURL=bench-harness.d.ts.map