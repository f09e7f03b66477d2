using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Web;
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
app.UseAntiforgery();
var assets = app.MapEquityStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithStaticAssets(assets);
app.MapEquityApi();
app.MapOpenApi();
app.MapHealthChecks("/healthz");

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
