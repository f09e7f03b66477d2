using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>
/// The product's database: figures and their batches, the audit trail, and the accounts (ASP.NET Core Identity).
/// This type is the SQLite store (its migrations in Data/Migrations, its compiled model in Data/CompiledModel);
/// <see cref="PostgreSql.PostgreSqlEquityDbContext"/> is the same model on PostgreSQL.
/// </summary>
public class EquityDbContext(DbContextOptions<EquityDbContext> options) : IdentityDbContext<EquityUser>(options)
{
    /// <summary>The gazetteer's governorates and districts.</summary>
    public DbSet<AreaEntity> Areas => Set<AreaEntity>();
    public DbSet<ImportBatch> Batches => Set<ImportBatch>();
    /// <summary>The funding flows as imported (provenance, withdrawal). Queries read <see cref="FundingTotals"/>.</summary>
    public DbSet<FundingRecord> Funding => Set<FundingRecord>();
    public DbSet<FundingTotal> FundingTotals => Set<FundingTotal>();
    /// <summary>The funding naming a district, summed per district (without the donor).</summary>
    public DbSet<FundingDistrictTotal> FundingDistrictTotals => Set<FundingDistrictTotal>();
    public DbSet<PresenceRecord> Presence => Set<PresenceRecord>();
    public DbSet<NeedFigure> Need => Set<NeedFigure>();
    public DbSet<SecurityIncident> Incidents => Set<SecurityIncident>();
    public DbSet<DisplacementFigure> Displacement => Set<DisplacementFigure>();
    public DbSet<OrganisationAlias> OrganisationAliases => Set<OrganisationAlias>();
    public DbSet<AuditEvent> Audit => Set<AuditEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EquityDbContext).Assembly);
    }
}
