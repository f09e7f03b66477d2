namespace EquityDashboard.Infrastructure.Queries;

/// <summary>
/// One region in one year (the trends view, CLI `trends`). <paramref name="YoyChange"/> is the change over
/// the sources reporting both years (the one the funding-falling flag tests), <paramref name="RawYoyChange"/>
/// the change of all funding; <paramref name="Sources"/> are the funding sources reporting the year, with those
/// that start or end against the year before; <paramref name="CoverageNote"/> says what changed and the change
/// like with like, null when the sources are the same as the year before.
/// </summary>
public sealed record TrendRow(string Region, int Year, decimal FundingUsd, long? Need, double? UsdPerPin, int Orgs, double? YoyChange,
    double? RawYoyChange = null, decimal? CommonSourcesFundingUsd = null, decimal? CommonSourcesPreviousFundingUsd = null,
    IReadOnlyList<string>? Sources = null, IReadOnlyList<string>? SourcesStarted = null, IReadOnlyList<string>? SourcesEnded = null,
    string? CoverageNote = null, bool FundingFalling = false, string? FundingFallingReason = null);
