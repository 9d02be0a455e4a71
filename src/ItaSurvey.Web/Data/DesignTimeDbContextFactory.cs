using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ItaSurvey.Web.Data;

/// <summary>For dotnet ef: builds the context without starting the app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ItaDbContext>
{
    public ItaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ItaDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
