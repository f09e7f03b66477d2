using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        // Append-only: the migration adds triggers that refuse UPDATE and DELETE. No foreign key to
        // the batch, so a purged batch keeps its history.
        b.ToTable("AuditEvents");
        b.HasKey(x => x.Id);
        b.Property(x => x.At).HasConversion(UtcTicks.Converter);
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(32);
        b.Property(x => x.Details).HasMaxLength(2000);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.BatchId);
        // The data version reads the latest change to the data among the audit entries.
        b.HasIndex(x => x.Action);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.CreatedAt).HasConversion(UtcTicks.Converter);
        b.Property(x => x.RevokedAt).HasConversion(UtcTicks.NullableConverter);
        b.Property(x => x.LastUsedAt).HasConversion(UtcTicks.NullableConverter);
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasOne<EquityUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EquityUserConfiguration : IEntityTypeConfiguration<EquityUser>
{
    public void Configure(EntityTypeBuilder<EquityUser> b)
    {
        b.Property(x => x.Clusters).HasMaxLength(1000);
        b.Ignore(x => x.ClusterList);
    }
}
