using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EquityDashboard.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Governorates",
                columns: table => new
                {
                    Pcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TileRow = table.Column<int>(type: "INTEGER", nullable: false),
                    TileCol = table.Column<int>(type: "INTEGER", nullable: false),
                    Population = table.Column<long>(type: "INTEGER", nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Governorates", x => x.Pcode);
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsWritten = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsSkipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SheetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: true),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: true),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationAliases",
                columns: table => new
                {
                    AliasKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CanonicalKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationAliases", x => x.AliasKey);
                });

            migrationBuilder.CreateTable(
                name: "FundingRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Donor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false, collation: "NOCASE"),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true, collation: "NOCASE"),
                    GovernoratePcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Locations = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AmountUsd = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Boundary = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingRecords_Governorates_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Governorates",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundingRecords_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false, collation: "NOCASE"),
                    PeopleInNeed = table.Column<long>(type: "INTEGER", nullable: true),
                    Targeted = table.Column<long>(type: "INTEGER", nullable: true),
                    Reached = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedFigures_Governorates_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Governorates",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NeedFigures_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PresenceRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    OrganisationKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrgType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true, collation: "NOCASE"),
                    GovernoratePcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ActivityKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PresenceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PresenceRecords_Governorates_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Governorates",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PresenceRecords_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecurityIncidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurityIncidents_Governorates_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Governorates",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecurityIncidents_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_BatchId",
                table: "FundingRecords",
                column: "BatchId");

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

            migrationBuilder.CreateIndex(
                name: "IX_Governorates_Region",
                table: "Governorates",
                column: "Region");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_Sha256",
                table: "ImportBatches",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_NeedFigures_BatchId",
                table: "NeedFigures",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedFigures_GovernoratePcode",
                table: "NeedFigures",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_NeedFigures_Year_Cluster_GovernoratePcode",
                table: "NeedFigures",
                columns: new[] { "Year", "Cluster", "GovernoratePcode" });

            migrationBuilder.CreateIndex(
                name: "IX_PresenceRecords_BatchId",
                table: "PresenceRecords",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_PresenceRecords_GovernoratePcode",
                table: "PresenceRecords",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_PresenceRecords_OrganisationKey",
                table: "PresenceRecords",
                column: "OrganisationKey");

            migrationBuilder.CreateIndex(
                name: "IX_PresenceRecords_Year_Cluster",
                table: "PresenceRecords",
                columns: new[] { "Year", "Cluster" });

            migrationBuilder.CreateIndex(
                name: "IX_PresenceRecords_Year_GovernoratePcode",
                table: "PresenceRecords",
                columns: new[] { "Year", "GovernoratePcode" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityIncidents_BatchId",
                table: "SecurityIncidents",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityIncidents_GovernoratePcode",
                table: "SecurityIncidents",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityIncidents_Year_GovernoratePcode",
                table: "SecurityIncidents",
                columns: new[] { "Year", "GovernoratePcode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundingRecords");

            migrationBuilder.DropTable(
                name: "NeedFigures");

            migrationBuilder.DropTable(
                name: "OrganisationAliases");

            migrationBuilder.DropTable(
                name: "PresenceRecords");

            migrationBuilder.DropTable(
                name: "SecurityIncidents");

            migrationBuilder.DropTable(
                name: "Governorates");

            migrationBuilder.DropTable(
                name: "ImportBatches");
        }
    }
}
