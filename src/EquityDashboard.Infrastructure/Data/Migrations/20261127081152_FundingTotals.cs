using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EquityDashboard.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class FundingTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FundingRecords_Governorates_GovernoratePcode",
                table: "FundingRecords");

            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_GovernoratePcode",
                table: "FundingRecords");

            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_Year_Cluster",
                table: "FundingRecords");

            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_Year_Donor",
                table: "FundingRecords");

            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_Year_GovernoratePcode_Status_Boundary_AmountUsd",
                table: "FundingRecords");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "FundingRecords",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            migrationBuilder.CreateTable(
                name: "FundingTotals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true, collation: "NOCASE"),
                    Donor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false, collation: "NOCASE"),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Boundary = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AmountUsd = table.Column<double>(type: "REAL", nullable: false),
                    Flows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingTotals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingTotals_Governorates_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Governorates",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundingTotals_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_BatchId_Year",
                table: "FundingTotals",
                columns: new[] { "BatchId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_GovernoratePcode",
                table: "FundingTotals",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_Year_GovernoratePcode_Status_Boundary_AmountUsd",
                table: "FundingTotals",
                columns: new[] { "Year", "GovernoratePcode", "Status", "Boundary", "AmountUsd" });

            // Databases created before this migration: sum the flows already imported, batch by batch.
            migrationBuilder.Sql("""
                INSERT INTO "FundingTotals" ("BatchId", "Year", "GovernoratePcode", "Cluster", "Donor", "Status", "Boundary", "AmountUsd", "Flows")
                SELECT "BatchId", "Year", "GovernoratePcode", "Cluster", "Donor", "Status", "Boundary", SUM("AmountUsd"), COUNT(*)
                FROM "FundingRecords"
                GROUP BY "BatchId", "Year", "GovernoratePcode", "Cluster", "Donor", "Status", "Boundary";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundingTotals");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "FundingRecords",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_GovernoratePcode",
                table: "FundingRecords",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_Year_Cluster",
                table: "FundingRecords",
                columns: new[] { "Year", "Cluster" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_Year_Donor",
                table: "FundingRecords",
                columns: new[] { "Year", "Donor" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_Year_GovernoratePcode_Status_Boundary_AmountUsd",
                table: "FundingRecords",
                columns: new[] { "Year", "GovernoratePcode", "Status", "Boundary", "AmountUsd" });

            migrationBuilder.AddForeignKey(
                name: "FK_FundingRecords_Governorates_GovernoratePcode",
                table: "FundingRecords",
                column: "GovernoratePcode",
                principalTable: "Governorates",
                principalColumn: "Pcode",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
