namespace EquityDashboard.Core.Metrics;

/// <summary>Flag thresholds (configuration section <c>Equity:Thresholds</c>).</summary>
public sealed class EquityThresholds
{
    public const string Section = "Equity:Thresholds";

    /// <summary>Equity ratio below which a governorate is under-served.</summary>
    public double UnderServedRatio { get; set; } = 0.5;
    /// <summary>Equity ratio above which a governorate is over-concentrated.</summary>
    public double OverConcentratedRatio { get; set; } = 2.0;
    /// <summary>Year-on-year change (a fraction) below which funding is falling.</summary>
    public double FundingFallingChange { get; set; } = -0.25;
    /// <summary>Security incidents per 100,000 people in need above which access is constrained.</summary>
    public double AccessIncidentsPer100kPin { get; set; } = 20;
}
