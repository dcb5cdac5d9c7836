package io.streametl.stack.bench;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * CPU time used so far by the stack's processes and the whole machine, at one moment.
 *
 * @param wallNanos {@link System#nanoTime()} when taken
 * @param workerThreads the workers' JIT and GC threads (their CPU is inside {@code workers})
 * @param machineBusyTicks busy time of all CPUs from /proc/stat, in clock ticks; empty off Linux
 */
record CpuSample(long wallNanos, Duration workers, JvmServiceThreads workerThreads, Duration broker,
    Duration harness, OptionalLong machineBusyTicks) {}
