using System.CommandLine;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Scope;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Cli;

/// <summary>
/// The scope options of a command (<c>--year</c>, <c>--cluster</c>, ...: <see cref="ScopeParameters"/>
/// as <c>--name</c>), read by the same <see cref="ScopeReader"/> as the pages and the API.
/// <c>data=real</c> is the flag <c>--real-only</c>.
/// </summary>
internal sealed class ScopeOptions
{
    private const string RealOnlyName = "--real-only";

    private readonly Dictionary<string, Option> _options = new(StringComparer.Ordinal);

    /// <param name="parameters">The parameters the command takes, in the order its help lists them.</param>
    public ScopeOptions(params string[] parameters)
    {
        foreach (var parameter in parameters)
        {
            _options[parameter] = parameter == ScopeParameters.Data
                ? new Option<bool>(RealOnlyName)
                {
                    Description = "Real figures only: leave out every batch marked illustrative (invented demonstration data)",
                }
                : new Option<string?>(Spell(parameter)) { Description = Help(parameter), HelpName = HelpName(parameter) };
        }
    }

    /// <summary>The options, to add to the command.</summary>
    public IEnumerable<Option> All => _options.Values;

    /// <summary>The option of one parameter (to give it a command's own description).</summary>
    public Option this[string parameter] => _options[parameter];

    /// <summary>"--year": how the CLI spells a parameter in its messages.</summary>
    public static string Spell(string parameter) => parameter == ScopeParameters.Data ? RealOnlyName : "--" + parameter;

    /// <summary>
    /// The scope the options name (the default year when <c>--year</c> is not given), or null after
    /// telling the user, on standard error, every value that is wrong. Warnings (a district named as
    /// the governorate) are written to standard error too.
    /// </summary>
    public async Task<EquityScope?> ReadAsync(ParseResult parse, IServiceProvider services, CancellationToken ct)
    {
        var read = await services.GetRequiredService<ScopeReader>().ReadAsync(Values(parse), Spell, ct);
        foreach (var message in read.Errors.Values) Console.Error.WriteLine(message);
        if (read.Failed) return null;
        foreach (var warning in read.Warnings) Console.Error.WriteLine(warning);
        return read.Scope;
    }

    private Dictionary<string, string?> Values(ParseResult parse) => _options.ToDictionary(
        o => o.Key,
        o => o.Value is Option<bool> flag
            ? (parse.GetValue(flag) ? ScopeParameters.RealData : null)
            : parse.GetValue((Option<string?>)o.Value),
        StringComparer.Ordinal);

    private static string Help(string parameter) => parameter switch
    {
        ScopeParameters.Year => $"Reference year, {YearRange.Min} to {YearRange.Max} (default: the configured default year Equity:DefaultYear, "
            + "else the latest year with both funding and people in need)",
        ScopeParameters.Cluster => ScopeParameters.ClusterHelp.TrimEnd('.'),
        ScopeParameters.Donor => ScopeParameters.DonorHelp.TrimEnd('.'),
        ScopeParameters.Region => ScopeParameters.RegionHelp.TrimEnd('.'),
        ScopeParameters.Baseline => ScopeParameters.BaselineHelp.TrimEnd('.'),
        ScopeParameters.Level => ScopeParameters.LevelHelp.TrimEnd('.'),
        ScopeParameters.Governorate => ScopeParameters.GovernorateHelp.TrimEnd('.'),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Not a scope parameter."),
    };

    private static string? HelpName(string parameter) => parameter switch
    {
        ScopeParameters.Baseline => string.Join("|", BaselineWords.All.Select(w => w.Value)),
        ScopeParameters.Level => string.Join("|", Enum.GetValues<Level>().Select(ScopeParser.ValueOf)),
        _ => null,
    };
}
