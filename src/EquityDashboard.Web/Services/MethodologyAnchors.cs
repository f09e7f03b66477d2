namespace EquityDashboard.Web.Services;

/// <summary>
/// Heading ids of docs/methodology.md as rendered on the methodology page (Markdig's automatic
/// identifiers: lower case, hyphens, leading section numbers dropped). Metric tooltips link here;
/// a test checks that every one exists in the rendered page.
/// </summary>
public static class MethodologyAnchors
{
    public const string Funding = "funding";
    public const string Baseline = "baseline-people-in-need-population-or-idps";
    public const string Shares = "funding-share-and-need-share";
    public const string EquityRatio = "equity-ratio";
    public const string UsdPerPin = "usd-per-person-in-need";
    public const string GapToParity = "gap-to-parity-usd";
    public const string Presence = "organisations-and-activities-presence";
    public const string Gini = "concentration-of-funding-gini";
    public const string YearOnYear = "year-on-year-change";
    public const string Flags = "flags";
    public const string DistrictFigures = "district-figures";
    public const string MoneyReportedTwice = "money-reported-twice";
    public const string RealAndIllustrative = "real-and-illustrative-data-rounding";
}
