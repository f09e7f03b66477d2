using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Web;
using EquityDashboard.Web.Accounts;
using EquityDashboard.Web.Api;
using EquityDashboard.Web.Components;
using EquityDashboard.Web.Hosting;

var builder = EquityHost.CreateBuilder(args);
builder.Services.AddEquityWeb(builder.Configuration);
builder.AddEquityHardening();

var app = builder.Build();
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

app.UseEquityHardening();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseReadingCache();
app.UseRateLimiter();
app.UseAntiforgery();
var assets = app.MapEquityStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithStaticAssets(assets)
    .Add(InteractivePages.PersistNoStateOnPlainPages);
app.MapAccountEndpoints();
app.MapEquityApi();
app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/healthz").AllowAnonymous();
// No account yet: log a one-time link that creates the first admin.
app.Lifetime.ApplicationStarted.Register(() => _ = app.Services.GetRequiredService<SetupLink>()
    .LogIfNeededAsync(app.Urls.FirstOrDefault() ?? "http://localhost:5250"));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
