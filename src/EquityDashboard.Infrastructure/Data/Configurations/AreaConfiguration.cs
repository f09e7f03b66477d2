using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<AreaEntity>
{
    public void Configure(EntityTypeBuilder<AreaEntity> b)
    {
        b.ToTable("Areas");
        b.HasKey(a => a.Pcode);
        b.Property(a => a.Pcode).HasMaxLength(16);
        b.Property(a => a.CountryIso3).HasMaxLength(3);
        b.Property(a => a.ParentPcode).HasMaxLength(16);
        b.Property(a => a.Name).HasMaxLength(64);
        b.Property(a => a.NameAr).HasMaxLength(64);
        b.Property(a => a.Region).HasMaxLength(32);
        b.Property(a => a.Aliases).HasMaxLength(1000);
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(a => a.ParentPcode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.Level, a.ParentPcode });
        b.HasIndex(a => a.Region);
    }
}
