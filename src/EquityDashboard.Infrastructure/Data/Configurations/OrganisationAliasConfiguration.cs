using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class OrganisationAliasConfiguration : IEntityTypeConfiguration<OrganisationAlias>
{
    public void Configure(EntityTypeBuilder<OrganisationAlias> b)
    {
        b.ToTable("OrganisationAliases");
        b.HasKey(x => x.AliasKey);
        b.Property(x => x.AliasKey).HasMaxLength(300);
        b.Property(x => x.CanonicalKey).HasMaxLength(300);
    }
}
