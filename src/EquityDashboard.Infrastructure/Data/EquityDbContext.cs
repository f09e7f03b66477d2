using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Data;

public sealed class EquityDbContext(DbContextOptions<EquityDbContext> options) : DbContext(options)
{
    public DbSet<GovernorateEntity> Governorates => Set<GovernorateEntity>();
    public DbSet<ImportBatch> Batches => Set<ImportBatch>();
    /// <summary>The funding flows as imported (provenance, rollback). Queries read <see cref="FundingTotals"/>.</summary>
    public DbSet<FundingRecord> Funding => Set<FundingRecord>();
    public DbSet<FundingTotal> FundingTotals => Set<FundingTotal>();
    public DbSet<PresenceRecord> Presence => Set<PresenceRecord>();
    public DbSet<NeedFigure> Need => Set<NeedFigure>();
    public DbSet<SecurityIncident> Incidents => Set<SecurityIncident>();
    public DbSet<OrganisationAlias> OrganisationAliases => Set<OrganisationAlias>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EquityDbContext).Assembly);
}
