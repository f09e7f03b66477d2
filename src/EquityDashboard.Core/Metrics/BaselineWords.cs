namespace EquityDashboard.Core.Metrics;

/// <summary>
/// Every word that changes with the <see cref="Metrics.Baseline"/>, defined once for the pages, the
/// CLI, the findings, the flags and the briefing workbook. A new baseline is one new case in
/// <see cref="For"/> (and its member of the enum); nothing else spells a baseline out.
/// </summary>
public sealed record BaselineWords
{
    /// <summary>The baseline these words are for.</summary>
    public required Baseline Baseline { get; init; }

    /// <summary>Its value in addresses, the API and the CLI: "pin", "population", "idps".</summary>
    public required string Value { get; init; }

    /// <summary>The value as a message offers it: "'pin' (people in need)", "'population'".</summary>
    public required string Choice { get; init; }

    /// <summary>The figure's label (headers, key figures, the filter): "People in need", "Population".</summary>
    public required string Label { get; init; }

    /// <summary>The label in lower case, in running text: "people in need", "population".</summary>
    public required string Lower { get; init; }

    /// <summary>The name of the baseline in the briefing's methodology: "people in need", "population (per-capita view)".</summary>
    public required string Name { get; init; }

    /// <summary>What a share is a share of: "people in need", "the population" ("12% of the population").</summary>
    public required string Whole { get; init; }

    /// <summary>The persons counted, after a number: "people in need", "people" ("1,200 people").</summary>
    public required string People { get; init; }

    /// <summary>One person counted: "person in need", "resident" ("funding per resident").</summary>
    public required string Person { get; init; }

    /// <summary>The figure as a noun: "need", "population" ("no recorded population").</summary>
    public required string Figure { get; init; }

    /// <summary>The figure as a thing recorded: "people-in-need figure", "population figure".</summary>
    public required string FigureName { get; init; }

    /// <summary>The baseline before "baseline(s)": "people-in-need", "population", "IDP" ("the IDP and people-in-need baselines").</summary>
    public required string Adjective { get; init; }

    /// <summary>What shares are measured by: "by people in need", "by population".</summary>
    public required string By { get; init; }

    /// <summary>The label of a need share: "Need share", "Population share".</summary>
    public required string ShareLabel { get; init; }

    /// <summary>The national rate on screens and the CLI: "USD per person in need", "USD per person".</summary>
    public required string UsdPerPerson { get; init; }

    /// <summary>The rate in the briefing workbook: "USD per person in need", "USD per resident".</summary>
    public string UsdPerPersonInWorkbook => $"USD per {Person}";

    /// <summary>Presence against the figure in the workbook: "Orgs per 100k PiN", "Orgs per 100k residents".</summary>
    public required string OrgsPer100k { get; init; }

    /// <summary>How the briefing explains the national total.</summary>
    public required string TotalNote { get; init; }

    /// <summary>What one governorate without presence is described as having: "with" (1,200 people in need), "home to" (1,200 people).</summary>
    public required string With { get; init; }

    /// <summary>What qualifies several governorates without presence: " with people in need", or nothing.</summary>
    public required string GovernoratesWith { get; init; }

    /// <summary>Their total, as a format string for the number: "{0} people in need together", "home to {0} people together".</summary>
    public required string TotalTogether { get; init; }

    private static readonly BaselineWords PeopleInNeed = new()
    {
        Baseline = Baseline.Pin,
        Value = "pin",
        Choice = "'pin' (people in need)",
        Label = "People in need",
        Lower = "people in need",
        Name = "people in need",
        Whole = "people in need",
        People = "people in need",
        Person = "person in need",
        Figure = "need",
        FigureName = "people-in-need figure",
        Adjective = "people-in-need",
        By = "by people in need",
        ShareLabel = "Need share",
        UsdPerPerson = "USD per person in need",
        OrgsPer100k = "Orgs per 100k PiN",
        TotalNote = "People in need summed over the governorates that report a figure: N.",
        With = "with",
        GovernoratesWith = " with people in need",
        TotalTogether = "{0} people in need together",
    };

    private static readonly BaselineWords Population = new()
    {
        Baseline = Baseline.Population,
        Value = "population",
        Choice = "'population'",
        Label = "Population",
        Lower = "population",
        Name = "population (per-capita view)",
        Whole = "the population",
        People = "people",
        Person = "resident",
        Figure = "population",
        FigureName = "population figure",
        Adjective = "population",
        By = "by population",
        ShareLabel = "Population share",
        UsdPerPerson = "USD per person",
        OrgsPer100k = "Orgs per 100k residents",
        TotalNote = "Total population of the governorates: the per-capita view puts it in place of people in need.",
        With = "home to",
        GovernoratesWith = "",
        TotalTogether = "home to {0} people together",
    };

    private static readonly BaselineWords Idps = new()
    {
        Baseline = Baseline.Idps,
        Value = "idps",
        Choice = "'idps' (internally displaced people)",
        Label = "IDPs",
        Lower = "IDPs",
        Name = "IDPs (internally displaced people, IOM DTM master list)",
        Whole = "the IDPs",
        People = "IDPs",
        Person = "IDP",
        Figure = "IDPs",
        FigureName = "IDP figure",
        Adjective = "IDP",
        By = "by IDPs",
        ShareLabel = "IDP share",
        UsdPerPerson = "USD per IDP",
        OrgsPer100k = "Orgs per 100k IDPs",
        TotalNote = "IDPs summed over the governorates a displacement list counts (the IDP individuals of its locations): N.",
        With = "with",
        GovernoratesWith = " with IDPs",
        TotalTogether = "{0} IDPs together",
    };

    /// <summary>The words of a baseline.</summary>
    public static BaselineWords For(Baseline baseline) => baseline switch
    {
        Baseline.Pin => PeopleInNeed,
        Baseline.Population => Population,
        Baseline.Idps => Idps,
        _ => throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "A baseline without words."),
    };

    /// <summary>Every baseline's words, the default (<see cref="Baseline.Pin"/>) first.</summary>
    public static IReadOnlyList<BaselineWords> All { get; } = Enum.GetValues<Baseline>().Select(For).ToList();
}
