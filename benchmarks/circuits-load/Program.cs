using System.Diagnostics;
using System.Globalization;
using CircuitsLoad;

// Load generator for benchmarks/circuits.sh. Prints a Markdown section to standard output.
//
//   render   <base-url> <server-pid> <users> <seconds> <think-ms>
//   circuits <base-url> <server-pid> <pages> <step> <dotnet-gcdump> [page-path, default /]
return args switch
{
    ["render", var url, var pid, var users, var seconds, var think] =>
        await RenderLoad.RunAsync(new Uri(url), Int(pid), Int(users), TimeSpan.FromSeconds(Int(seconds)), TimeSpan.FromMilliseconds(Int(think))),
    ["circuits", var url, var pid, var pages, var step, var gcdump] =>
        await CircuitMemory.RunAsync(new Uri(url), Int(pid), Int(pages), Int(step), gcdump, "/"),
    ["circuits", var url, var pid, var pages, var step, var gcdump, var path] =>
        await CircuitMemory.RunAsync(new Uri(url), Int(pid), Int(pages), Int(step), gcdump, path),
    _ => Usage(),
};

static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: render <base-url> <server-pid> <users> <seconds> <think-ms> | circuits <base-url> <server-pid> <pages> <step> <dotnet-gcdump> [page-path]");
    return 2;
}

namespace CircuitsLoad
{
    internal static class Stats
    {
        /// <summary>Nearest-rank percentile of sorted values.</summary>
        public static double Percentile(IReadOnlyList<double> sorted, double p) =>
            sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

        public static string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

        public static string Kb(double bytes) => (bytes / 1024).ToString("N0", CultureInfo.InvariantCulture);

        public static double Seconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;

        /// <summary>CPU time (user + system) a process has used, in ms, from /proc/PID/stat (USER_HZ is 100 on Linux).</summary>
        public static double CpuMs(int pid)
        {
            var path = $"/proc/{pid}/stat";
            if (!File.Exists(path)) throw new InvalidOperationException($"The server process {pid} has exited (see its log).");
            var stat = File.ReadAllText(path);
            // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
    }
}
