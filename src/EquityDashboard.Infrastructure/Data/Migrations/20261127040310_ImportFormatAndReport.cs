using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EquityDashboard.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportFormatAndReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "ImportBatches",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportJson",
                table: "ImportBatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SheetName",
                table: "ImportBatches",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Format",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "ReportJson",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "SheetName",
                table: "ImportBatches");
        }
    }
}
