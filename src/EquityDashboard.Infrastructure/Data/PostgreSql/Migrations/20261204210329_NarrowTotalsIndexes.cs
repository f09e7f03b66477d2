using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EquityDashboard.Infrastructure.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class NarrowTotalsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundingTotals_BatchId_Year",
                table: "FundingTotals");

            migrationBuilder.DropIndex(
                name: "IX_FundingTotals_Year",
                table: "FundingTotals");

            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_BatchId",
                table: "FundingRecords");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_Year_BatchId",
                table: "FundingTotals",
                columns: new[] { "Year", "BatchId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundingTotals_Year_BatchId",
                table: "FundingTotals");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_BatchId_Year",
                table: "FundingTotals",
                columns: new[] { "BatchId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_Year",
                table: "FundingTotals",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_BatchId",
                table: "FundingRecords",
                column: "BatchId")
                .Annotation("Npgsql:IndexMethod", "brin");
        }
    }
}
