/**
 * The trackers: per-concern state of the replayed machine, each fed events by the replay pass and each
 * writing one derived table. {@link etwreplay.replay.track.MachineState} ties together what every rule
 * asks (who is current on a CPU, which span is in progress); the request trackers hand closed requests to
 * {@link etwreplay.replay.track.RequestLog}, which writes them and passes them on to the chain tracker and
 * the hazard rules. All single-threaded.
 */
package etwreplay.replay.track;
