using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ReadingLoad;

// Load generator and browser driver for benchmarks/reading.sh. Each command prints a Markdown
// section to standard output, ending with an HTML comment of key=value figures for the script.
//
//   static-copy <base-url> <web-folder> <page>=<file> ...   save pages' bytes as static files of the published app
//   cost        <base-url> <server-pid> <requests> <rounds> <warm-up> <uncached-prefix> <cached-path> <static-path>
//   load        <base-url> <server-pid> <users> <seconds> <path> ...
//   tabs        <base-url> <server-pid> <tabs> <tabs-per-context> <step> <min-free-mb> <dotnet-gcdump> <path>
//   network     <base-url> <runs> <latency-ms> <kbit-per-s> <path>
//   lighthouse  <page-label> <report.json> ...
return args switch
{
    ["static-copy", var url, var web, .. var routes] when routes.Length > 0 => await StaticCopy.RunAsync(new Uri(url), web, routes),
    ["cost", var url, var pid, var n, var rounds, var warmup, var uncached, var cached, var file] =>
        await RequestCost.RunAsync(new Uri(url), Int(pid), Int(n), Int(rounds), Int(warmup), uncached, cached, file),
    ["load", var url, var pid, var users, var seconds, .. var paths] when paths.Length > 0 =>
        await ConcurrentLoad.RunAsync(new Uri(url), Int(pid), Int(users), TimeSpan.FromSeconds(Int(seconds)), paths),
    ["tabs", var url, var pid, var tabs, var perContext, var step, var minFree, var gcdump, var path] =>
        await OpenTabs.RunAsync(new Uri(url), Int(pid), Int(tabs), Int(perContext), Int(step), Int(minFree), gcdump, path),
    ["network", var url, var runs, var latency, var kbits, var path] =>
        await SlowNetwork.RunAsync(new Uri(url), Int(runs), Int(latency), Int(kbits), path),
    ["lighthouse", var label, .. var reports] when reports.Length > 0 => LighthouseSummary.Run(label, reports),
    _ => Usage(),
};

static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: static-copy | cost | load | tabs | network | lighthouse (see the comment at the top of Program.cs)");
    return 2;
}

namespace ReadingLoad
{
    internal static partial class Stats
    {
        /// <summary>What Chromium sends, so the server picks the encoding (and the output cache the entry) a browser gets.</summary>
        public const string AcceptEncoding = "gzip, deflate, br, zstd";

        public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        /// <summary>A client with no decompression, connections kept, as many as there are users.</summary>
        public static HttpClient Client(Uri baseUrl)
        {
            var handler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                AutomaticDecompression = DecompressionMethods.None,
                MaxConnectionsPerServer = int.MaxValue,
            };
            var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
            return client;
        }

        /// <summary>Nearest-rank percentile of sorted values.</summary>
        public static double Percentile(IReadOnlyList<double> sorted, double p) =>
            sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

        public static double Median(IEnumerable<double> values) => Percentile(values.Order().ToList(), 50);

        public static string Ms(double v) => v.ToString("0.0", Inv);

        public static string Ms2(double v) => v.ToString("0.00", Inv);

        public static string Kb(double bytes) => (bytes / 1024).ToString("N0", Inv);

        public static string Kb1(double bytes) => (bytes / 1024).ToString("N1", Inv);

        public static string N(double v) => v.ToString("N0", Inv);

        public static double Seconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;

        /// <summary>CPU time (user + system) a process has used, in ms, from /proc/PID/stat (USER_HZ is 100 on Linux).</summary>
        public static double CpuMs(int pid)
        {
            var path = $"/proc/{pid}/stat";
            if (!File.Exists(path)) throw new InvalidOperationException($"The server process {pid} has exited (see its log).");
            var stat = File.ReadAllText(path);
            // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], Inv) + long.Parse(fields[12], Inv)) * 10.0;
        }

        /// <summary>CPU time this process (the load generator) has used, in ms.</summary>
        public static double OwnCpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

        /// <summary>A value in kB of /proc/PID/status (VmRSS) or /proc/meminfo (MemAvailable), in bytes.</summary>
        public static long ProcKb(string file, string key)
        {
            var line = File.ReadLines(file).Single(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return long.Parse(Digits().Match(line).Value, Inv) * 1024;
        }

        public static long Rss(int pid) => ProcKb($"/proc/{pid}/status", "VmRSS");

        public static long MemAvailable() => ProcKb("/proc/meminfo", "MemAvailable");

        public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

        [GeneratedRegex(@"\d+")]
        private static partial Regex Digits();
    }
}
