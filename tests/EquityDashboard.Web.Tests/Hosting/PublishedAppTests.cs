using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using EquityDashboard.Tests.Shared;
using EquityDashboard.Web.Tests.Api;
using Xunit.Abstractions;

namespace EquityDashboard.Web.Tests.Hosting;

/// <summary>
/// The app as it is deployed: published in Release, started in Production from another folder
/// than its own, on a free loopback port and a new database (a SQLite file named by its full path
/// as a deployment would, or on a PostgreSQL run a PostgreSQL database: <see cref="TestStore"/>;
/// set through environment variables and seeded from the repository's seed folder). Every stylesheet and script the overview
/// links must arrive whole, and the MudBlazor stylesheet compressed; the overview draws its map of
/// the 18 governorates (the shapes come with the app, not from the seed folder). Never skipped.
/// </summary>
public sealed partial class PublishedAppTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_published_app_started_elsewhere_serves_its_assets_whole_and_compressed_and_draws_the_map()
    {
        var folder = TestFolder.Create("ed-publish");
        var store = TestStore.Create(Path.Combine(folder, "equity.db"));
        Process? app = null;
        var log = new StringBuilder();
        try
        {
            var published = Path.Combine(folder, "web");
            var elsewhere = Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;
            await RunAsync("dotnet", ["publish", Path.Combine(EquityAppFactory.RepoRoot, "src", "EquityDashboard.Web"), "-c", "Release", "-o", published, "-v", "q", "-nologo"]);

            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = elsewhere, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(published, "EquityDashboard.Web.dll"));
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            foreach (var (key, value) in store.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            start.Environment["Equity__SeedDemoData"] = "true";
            start.Environment["Equity__SeedFolder"] = Path.Combine(EquityAppFactory.RepoRoot, "seeds");
            start.Environment["Equity__MaxUploadMegabytes"] = "1";
            app = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            app.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            app.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            app.BeginOutputReadLine();
            app.BeginErrorReadLine();

            using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            await WaitForHealthAsync(client, app, log);

            using var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.NotNull(home.Headers.GetValues("Content-Security-Policy").SingleOrDefault());
            var html = await home.Content.ReadAsStringAsync();
            var urls = Stylesheet().Matches(html).Concat(Script().Matches(html)).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToList();
            // A reading page links the dashboard's own styles, and neither MudBlazor's nor the theme's (the Data page's alone).
            Assert.Contains(urls, u => u.StartsWith("app.", StringComparison.Ordinal) && u.EndsWith(".css", StringComparison.Ordinal));
            Assert.DoesNotContain(urls, u => u.Contains("MudBlazor", StringComparison.Ordinal) || u.StartsWith("theme.", StringComparison.Ordinal));
            Assert.Contains(urls, u => u.Contains("blazor.web", StringComparison.Ordinal));
            Assert.True(urls.Count >= 4, string.Join(", ", urls));

            // The map: 18 governorates, each a link with its P-code, in a few kilobytes of the page.
            using var overview = await client.GetAsync("/?year=2019");
            Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
            var page = await overview.Content.ReadAsStringAsync();
            var mapAt = page.IndexOf("<figure class=\"choropleth\"", StringComparison.Ordinal);
            Assert.True(mapAt >= 0, "the overview has no map");
            var figure = page[mapAt..(page.IndexOf("</figure>", mapAt, StringComparison.Ordinal) + "</figure>".Length)];
            var pcodes = MapArea().Matches(figure).Select(m => m.Groups["pcode"].Value).ToList();
            Assert.Equal(Enumerable.Range(1, 18).Select(i => $"IQG{i:00}"), pcodes);
            output.WriteLine($"overview: {Encoding.UTF8.GetByteCount(page)} bytes, its map {Encoding.UTF8.GetByteCount(figure)} bytes");
            Assert.InRange(Encoding.UTF8.GetByteCount(figure), 5_000, 50_000);

            foreach (var url in urls)
            {
                using var asset = await client.GetAsync(url);
                var bytes = await asset.Content.ReadAsByteArrayAsync();
                output.WriteLine($"{url}: {(int)asset.StatusCode}, {bytes.Length} bytes");
                Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{url}: {asset.StatusCode}");
                Assert.True(bytes.Length > 0, $"{url} answered 200 with an empty body");
                Assert.Equal(asset.Content.Headers.ContentLength, bytes.Length);
                // Fingerprinted: cached for a year, never asked for again.
                Assert.True(asset.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365) && asset.Headers.CacheControl.ToString().Contains("immutable", StringComparison.Ordinal),
                    $"{url}: Cache-Control {asset.Headers.CacheControl}");
            }

            var script = urls.Single(u => u.Contains("blazor.web", StringComparison.Ordinal));
            using var identity = await client.GetAsync(script);
            var identityLength = (await identity.Content.ReadAsByteArrayAsync()).Length;
            foreach (var encoding in new[] { "br", "gzip" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, script);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
                using var compressed = await client.SendAsync(request);
                var length = (await compressed.Content.ReadAsByteArrayAsync()).Length;
                output.WriteLine($"{script} with {encoding}: {length} bytes, identity {identityLength}");
                Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
                Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
                Assert.True(length > 0 && length < identityLength / 3, $"{encoding}: {length} of {identityLength} bytes");
                Assert.Contains("immutable", compressed.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
            }

            // A chunked body (no Content-Length) over Equity:MaxUploadMegabytes is stopped by Kestrel while a form is read.
            using var big = new StreamContent(new MemoryStream(new byte[2 * 1024 * 1024]));
            big.Headers.ContentType = new("application/x-www-form-urlencoded");
            using var post = new HttpRequestMessage(HttpMethod.Post, "/") { Content = big };
            post.Headers.TransferEncodingChunked = true;
            using var refused = await client.SendAsync(post);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Equity:MaxUploadMegabytes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (app is not null)
            {
                if (!app.HasExited)
                {
                    app.Kill(entireProcessTree: true);
                    await app.WaitForExitAsync();
                }
                app.Dispose();
            }
            lock (log) output.WriteLine(log.ToString());
            await store.DisposeAsync();
            TestFolder.Delete(folder);
        }
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process app, StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited) throw new InvalidOperationException($"The app exited with {app.ExitCode}:\n{log}");
            try
            {
                using var health = await client.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"/healthz did not answer 200 within 60 s:\n{log}");
    }

    private async Task RunAsync(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("""<link[^>]*rel="stylesheet"[^>]*href="(?<url>[^"]+)"[^>]*>|<link[^>]*href="(?<url>[^"]+)"[^>]*rel="stylesheet"[^>]*>""")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("""<script[^>]*src="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex Script();

    [GeneratedRegex("""<a [^>]*data-testid="map-area" data-pcode="(?<pcode>IQG\d\d)"[^>]*>\s*<title""")]
    private static partial Regex MapArea();
}
