using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EquityDashboard.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoveringFundingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_Year_GovernoratePcode",
                table: "FundingRecords");

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_Year_GovernoratePcode_Status_Boundary_AmountUsd",
                table: "FundingRecords",
                columns: new[] { "Year", "GovernoratePcode", "Status", "Boundary", "AmountUsd" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_Year_GovernoratePcode_Status_Boundary_AmountUsd",
                table: "FundingRecords");

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_Year_GovernoratePcode",
                table: "FundingRecords",
                columns: new[] { "Year", "GovernoratePcode" });
        }
    }
}
