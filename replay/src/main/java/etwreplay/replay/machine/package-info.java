/**
 * The model of the recording machine: address split (MmHighestUserAddress, MmSystemRangeStart), canonical
 * form, page size and IRQL table per configuration ({@link etwreplay.replay.machine.MachineSpec}), the
 * address classifier ({@link etwreplay.replay.machine.AddressClass}), and the inference of the
 * configuration from what a trace records ({@link etwreplay.replay.machine.MachineInference}). Values and
 * their sources: research/SCHEMAS.md §4. Immutable and thread-safe.
 */
package etwreplay.replay.machine;
