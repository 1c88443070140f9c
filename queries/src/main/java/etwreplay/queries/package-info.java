/**
 * The SQL library: what the command line prints and the reports users run, with no picocli in sight.
 *
 * <h2>Reports</h2>
 * A report is one {@code .sql} file under {@code etwreplay/queries/reports/}, listed in that directory's
 * {@code index.txt}. The file is the whole interface: its header comment documents the question, the
 * parameters and every output column ({@link etwreplay.queries.ReportHeader} reads it, the lint test holds
 * every file to it), and the statement after it runs unchanged in any DuckDB client.
 * <pre>{@code
 * Report r = ReportCatalog.shipped().find("foreign_completions").orElseThrow();
 * ReportResult result = new ReportRunner(db).run(r, Map.of("trace", "1", "process", "reader.exe"));
 * System.out.print(ReportOutput.render(result, OutputFormat.MARKDOWN));
 * result.notes().forEach(System.err::println);          // e.g. a trace that was never replayed
 * }</pre>
 * Parameters are DuckDB variables: the report reads {@code getvariable('name')::TYPE} (NULL when unset: no
 * filter), {@link etwreplay.queries.ReportRunner} sets each given one with {@code SET VARIABLE name = ?} and
 * the value bound, and resets them afterwards. Unknown names, badly typed values and unknown traces are
 * {@link etwreplay.queries.ReportUsageException}; a database never replayed, for a report that reads the
 * derived tables, is {@link etwreplay.queries.NotReplayedException}.
 * {@link etwreplay.queries.TellingReports} picks the three reports {@code analyze} ends with.
 *
 * <h2>Overview queries</h2>
 * {@link etwreplay.queries.TraceOverview} backs {@code info} and {@code analyze} (SQL under
 * {@code etwreplay/queries/overview/}); {@link etwreplay.queries.ResultPrinter} writes any result as a
 * table, CSV, JSON or Markdown.
 */
package etwreplay.queries;
