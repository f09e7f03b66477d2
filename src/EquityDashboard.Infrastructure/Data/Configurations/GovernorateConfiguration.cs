using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class GovernorateConfiguration : IEntityTypeConfiguration<GovernorateEntity>
{
    public void Configure(EntityTypeBuilder<GovernorateEntity> b)
    {
        b.ToTable("Governorates");
        b.HasKey(g => g.Pcode);
        b.Property(g => g.Pcode).HasMaxLength(16);
        b.Property(g => g.Name).HasMaxLength(64);
        b.Property(g => g.NameAr).HasMaxLength(64);
        b.Property(g => g.Region).HasMaxLength(32);
        b.HasIndex(g => g.Region);
    }
}
