namespace EquityDashboard.Infrastructure.Queries;

/// <summary>One region in one year (the trends view, CLI `trends`).</summary>
public sealed record TrendRow(string Region, int Year, decimal FundingUsd, long? Need, double? UsdPerPin, int Orgs, double? YoyChange);
