using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EquityDashboard.Infrastructure.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BulkTablesForCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FundingDistrictTotals_Areas_DistrictPcode",
                table: "FundingDistrictTotals");

            migrationBuilder.DropForeignKey(
                name: "FK_FundingDistrictTotals_ImportBatches_BatchId",
                table: "FundingDistrictTotals");

            migrationBuilder.DropForeignKey(
                name: "FK_FundingTotals_Areas_GovernoratePcode",
                table: "FundingTotals");

            migrationBuilder.DropForeignKey(
                name: "FK_FundingTotals_ImportBatches_BatchId",
                table: "FundingTotals");

            migrationBuilder.DropIndex(
                name: "IX_FundingTotals_GovernoratePcode",
                table: "FundingTotals");

            migrationBuilder.DropIndex(
                name: "IX_FundingTotals_Year_GovernoratePcode_Status_Boundary_BatchId~",
                table: "FundingTotals");

            migrationBuilder.DropPrimaryKey(
                name: "PK_FundingRecords",
                table: "FundingRecords");

            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_BatchId",
                table: "FundingRecords");

            migrationBuilder.DropIndex(
                name: "IX_FundingDistrictTotals_DistrictPcode",
                table: "FundingDistrictTotals");

            migrationBuilder.DropIndex(
                name: "IX_FundingDistrictTotals_Year_GovernoratePcode_DistrictPcode_S~",
                table: "FundingDistrictTotals");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_Year",
                table: "FundingTotals",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_BatchId",
                table: "FundingRecords",
                column: "BatchId")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "IX_FundingDistrictTotals_Year_GovernoratePcode",
                table: "FundingDistrictTotals",
                columns: new[] { "Year", "GovernoratePcode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundingTotals_Year",
                table: "FundingTotals");

            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_BatchId",
                table: "FundingRecords");

            migrationBuilder.DropIndex(
                name: "IX_FundingDistrictTotals_Year_GovernoratePcode",
                table: "FundingDistrictTotals");

            migrationBuilder.AddPrimaryKey(
                name: "PK_FundingRecords",
                table: "FundingRecords",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_GovernoratePcode",
                table: "FundingTotals",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_Year_GovernoratePcode_Status_Boundary_BatchId~",
                table: "FundingTotals",
                columns: new[] { "Year", "GovernoratePcode", "Status", "Boundary", "BatchId", "PooledFund", "AmountUsd" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_BatchId",
                table: "FundingRecords",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_FundingDistrictTotals_DistrictPcode",
                table: "FundingDistrictTotals",
                column: "DistrictPcode");

            migrationBuilder.CreateIndex(
                name: "IX_FundingDistrictTotals_Year_GovernoratePcode_DistrictPcode_S~",
                table: "FundingDistrictTotals",
                columns: new[] { "Year", "GovernoratePcode", "DistrictPcode", "Status", "Boundary", "BatchId", "PooledFund", "AmountUsd" });

            migrationBuilder.AddForeignKey(
                name: "FK_FundingDistrictTotals_Areas_DistrictPcode",
                table: "FundingDistrictTotals",
                column: "DistrictPcode",
                principalTable: "Areas",
                principalColumn: "Pcode",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FundingDistrictTotals_ImportBatches_BatchId",
                table: "FundingDistrictTotals",
                column: "BatchId",
                principalTable: "ImportBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_FundingTotals_Areas_GovernoratePcode",
                table: "FundingTotals",
                column: "GovernoratePcode",
                principalTable: "Areas",
                principalColumn: "Pcode",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FundingTotals_ImportBatches_BatchId",
                table: "FundingTotals",
                column: "BatchId",
                principalTable: "ImportBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
