using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EquityDashboard.Infrastructure.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class FlowsWithoutBatchForeignKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FundingRecords_ImportBatches_BatchId",
                table: "FundingRecords");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_FundingRecords_ImportBatches_BatchId",
                table: "FundingRecords",
                column: "BatchId",
                principalTable: "ImportBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
