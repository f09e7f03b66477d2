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
                name: "Areas",
                columns: table => new
                {
                    Pcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentPcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TileRow = table.Column<int>(type: "INTEGER", nullable: true),
                    TileCol = table.Column<int>(type: "INTEGER", nullable: true),
                    Population = table.Column<long>(type: "INTEGER", nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Pcode);
                    table.ForeignKey(
                        name: "FK_Areas_Areas_ParentPcode",
                        column: x => x.ParentPcode,
                        principalTable: "Areas",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Clusters = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
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
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsWritten = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsSkipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SheetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: true),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: true),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: true),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Money = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PooledFund = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
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
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisplacementFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DistrictPcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Idps = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisplacementFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisplacementFigures_Areas_DistrictPcode",
                        column: x => x.DistrictPcode,
                        principalTable: "Areas",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisplacementFigures_Areas_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Areas",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisplacementFigures_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FundingDistrictTotals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DistrictPcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Boundary = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PooledFund = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AmountUsd = table.Column<double>(type: "REAL", nullable: false),
                    Flows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingDistrictTotals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingDistrictTotals_Areas_DistrictPcode",
                        column: x => x.DistrictPcode,
                        principalTable: "Areas",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundingDistrictTotals_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FundingRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Donor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false, collation: "NOCASE"),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true, collation: "NOCASE"),
                    GovernoratePcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DistrictPcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Locations = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NamedPcodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AmountUsd = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Boundary = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    PooledFund = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingRecords_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    PooledFund = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AmountUsd = table.Column<double>(type: "REAL", nullable: false),
                    Flows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingTotals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingTotals_Areas_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Areas",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundingTotals_ImportBatches_BatchId",
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
                    DistrictPcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false, collation: "NOCASE"),
                    PeopleInNeed = table.Column<long>(type: "INTEGER", nullable: true),
                    Targeted = table.Column<long>(type: "INTEGER", nullable: true),
                    Reached = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedFigures_Areas_DistrictPcode",
                        column: x => x.DistrictPcode,
                        principalTable: "Areas",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NeedFigures_Areas_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Areas",
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
                    DistrictPcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ActivityKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PresenceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PresenceRecords_Areas_DistrictPcode",
                        column: x => x.DistrictPcode,
                        principalTable: "Areas",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PresenceRecords_Areas_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Areas",
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
                    DistrictPcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurityIncidents_Areas_DistrictPcode",
                        column: x => x.DistrictPcode,
                        principalTable: "Areas",
                        principalColumn: "Pcode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecurityIncidents_Areas_GovernoratePcode",
                        column: x => x.GovernoratePcode,
                        principalTable: "Areas",
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
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Areas_Level_ParentPcode",
                table: "Areas",
                columns: new[] { "Level", "ParentPcode" });

            migrationBuilder.CreateIndex(
                name: "IX_Areas_ParentPcode",
                table: "Areas",
                column: "ParentPcode");

            migrationBuilder.CreateIndex(
                name: "IX_Areas_Region",
                table: "Areas",
                column: "Region");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Action",
                table: "AuditEvents",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_At",
                table: "AuditEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_BatchId",
                table: "AuditEvents",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_DisplacementFigures_BatchId",
                table: "DisplacementFigures",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_DisplacementFigures_DistrictPcode",
                table: "DisplacementFigures",
                column: "DistrictPcode");

            migrationBuilder.CreateIndex(
                name: "IX_DisplacementFigures_GovernoratePcode",
                table: "DisplacementFigures",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_DisplacementFigures_Year_GovernoratePcode_DistrictPcode",
                table: "DisplacementFigures",
                columns: new[] { "Year", "GovernoratePcode", "DistrictPcode" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingDistrictTotals_BatchId_Year",
                table: "FundingDistrictTotals",
                columns: new[] { "BatchId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingDistrictTotals_DistrictPcode",
                table: "FundingDistrictTotals",
                column: "DistrictPcode");

            migrationBuilder.CreateIndex(
                name: "IX_FundingDistrictTotals_Year_GovernoratePcode_DistrictPcode_Status_Boundary_BatchId_PooledFund_AmountUsd",
                table: "FundingDistrictTotals",
                columns: new[] { "Year", "GovernoratePcode", "DistrictPcode", "Status", "Boundary", "BatchId", "PooledFund", "AmountUsd" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_BatchId",
                table: "FundingRecords",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_Year_Named",
                table: "FundingRecords",
                column: "Year",
                filter: "NamedPcodes IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_BatchId_Year",
                table: "FundingTotals",
                columns: new[] { "BatchId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_GovernoratePcode",
                table: "FundingTotals",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_Year_GovernoratePcode_Status_Boundary_BatchId_PooledFund_AmountUsd",
                table: "FundingTotals",
                columns: new[] { "Year", "GovernoratePcode", "Status", "Boundary", "BatchId", "PooledFund", "AmountUsd" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_Sha256",
                table: "ImportBatches",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_NeedFigures_BatchId",
                table: "NeedFigures",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedFigures_DistrictPcode",
                table: "NeedFigures",
                column: "DistrictPcode");

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
                name: "IX_PresenceRecords_DistrictPcode",
                table: "PresenceRecords",
                column: "DistrictPcode");

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
                name: "IX_SecurityIncidents_DistrictPcode",
                table: "SecurityIncidents",
                column: "DistrictPcode");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityIncidents_GovernoratePcode",
                table: "SecurityIncidents",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityIncidents_Year_GovernoratePcode",
                table: "SecurityIncidents",
                columns: new[] { "Year", "GovernoratePcode" });

            // The audit trail is append-only: the database itself refuses to change or delete an entry.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_NoUpdate BEFORE UPDATE ON AuditEvents
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: entries cannot be changed.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_NoDelete BEFORE DELETE ON AuditEvents
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: entries cannot be deleted.'); END;
                """);
            // The three roles, with fixed ids so every database has the same.
            migrationBuilder.Sql("""
                INSERT INTO AspNetRoles (Id, Name, NormalizedName, ConcurrencyStamp) VALUES
                    ('role-viewer', 'viewer', 'VIEWER', 'role-viewer'),
                    ('role-data-manager', 'data-manager', 'DATA-MANAGER', 'role-data-manager'),
                    ('role-admin', 'admin', 'ADMIN', 'role-admin');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoDelete;");
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "DisplacementFigures");

            migrationBuilder.DropTable(
                name: "FundingDistrictTotals");

            migrationBuilder.DropTable(
                name: "FundingRecords");

            migrationBuilder.DropTable(
                name: "FundingTotals");

            migrationBuilder.DropTable(
                name: "NeedFigures");

            migrationBuilder.DropTable(
                name: "OrganisationAliases");

            migrationBuilder.DropTable(
                name: "PresenceRecords");

            migrationBuilder.DropTable(
                name: "SecurityIncidents");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Areas");

            migrationBuilder.DropTable(
                name: "ImportBatches");
        }
    }
}
