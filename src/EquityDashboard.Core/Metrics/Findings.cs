namespace EquityDashboard.Core.Metrics;

/// <summary>What a finding is about (the dashboard groups and the workbook labels them by topic).</summary>
public enum FindingTopic
{
    Region,
    UnderServed,
    FundingFalling,
    AccessConstrained,
    NoPresence,
    Baseline,
    Concentration,
    Unallocated,
    /// <summary>What the data does not cover: no data at all, no need figure, no funding, missing need or presence.</summary>
    NoData,
}

/// <summary>
/// One key finding: a plain, number-led sentence written from an <see cref="EquityTable"/>.
/// <paramref name="AreaKeys"/> are the P-codes and region names it is about (for links and highlights).
/// </summary>
public sealed record Finding(FindingTopic Topic, string Text, IReadOnlyList<string> AreaKeys)
{
    /// <summary>Whether a figure it is written from rests on illustrative (invented) data (<see cref="Provenance"/>).</summary>
    public bool RestsOnIllustrative { get; init; }

    /// <summary>What every view adds to the text of a finding that rests on invented data.</summary>
    public const string IllustrativeNote = "Rests partly on illustrative (invented) data.";

    /// <summary>The text as a reader should get it where no mark can be drawn (workbook, CLI, API): with the note when it rests on invented data.</summary>
    public string FullText => RestsOnIllustrative ? $"{Text} {IllustrativeNote}" : Text;
}
