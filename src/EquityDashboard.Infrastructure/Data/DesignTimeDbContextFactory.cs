using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>Used by `dotnet ef migrations add` only.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EquityDbContext>
{
    public EquityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EquityDbContext>().UseSqlite("Data Source=design.db").Options);
}
