using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Web;
using EquityDashboard.Web.Api;
using EquityDashboard.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddEquityWeb(builder.Configuration);

var app = builder.Build();
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapEquityApi();
app.MapOpenApi();
app.MapHealthChecks("/healthz");

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
