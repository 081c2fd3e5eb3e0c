namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>The outcome of one verification check.</summary>
/// <param name="Check">What was checked, e.g. <c>Deployment web/web .spec.replicas equals "3"</c>.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">What was found (for failures: why).</param>
internal sealed record CheckResult(string Check, bool Passed, string Detail);
