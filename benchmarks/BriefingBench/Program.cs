using System.Diagnostics;
using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Export.Briefing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Usage: BriefingBench <database> <year> <runs> [governorate]
// Writes the briefing workbook <runs> + 1 times in one process, as the web app's download does,
// and prints: first (cold) ms, median of the others (warm) ms, peak working set MB, workbook bytes.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: BriefingBench <database> <year> <runs> [governorate]");
    return 2;
}
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Equity:SeedDemoData"] = "false" })
    .Build();
await using var services = new ServiceCollection()
    .AddEquityDashboard(configuration, DataPaths.ForFile(args[0]))
    .BuildServiceProvider();
await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(false);
var briefing = services.GetRequiredService<BriefingService>();
var scope = new EquityScope(int.Parse(args[1], CultureInfo.InvariantCulture));
var runs = int.Parse(args[2], CultureInfo.InvariantCulture);
var governorate = args.Length > 3 ? args[3] : null;

var times = new List<double>();
long bytes = 0;
for (var i = 0; i <= runs; i++)
{
    using var output = new MemoryStream();
    var clock = Stopwatch.StartNew();
    if (governorate is null) await briefing.WriteAsync(scope, output, CancellationToken.None);
    else await briefing.WriteGovernorateAsync(governorate, scope, output, CancellationToken.None);
    times.Add(clock.Elapsed.TotalMilliseconds);
    bytes = output.Length;
}
var warm = times.Skip(1).Order().ToList();
var median = warm.Count == 0 ? times[0] : warm.Count % 2 == 1 ? warm[warm.Count / 2] : (warm[warm.Count / 2 - 1] + warm[warm.Count / 2]) / 2;
using var self = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"cold_ms={times[0]:0} warm_ms={median:0} peak_mb={self.PeakWorkingSet64 / 1048576.0:0} bytes={bytes}"));
return 0;
