using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EquityDashboard.Infrastructure.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:NOCASE", "und-u-ks-level2,und-u-ks-level2,icu,False");

            migrationBuilder.CreateTable(
                name: "Areas",
                columns: table => new
                {
                    Pcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CountryIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true, collation: "C"),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentPcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    NameAr = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    TileRow = table.Column<int>(type: "integer", nullable: true),
                    TileCol = table.Column<int>(type: "integer", nullable: true),
                    Population = table.Column<long>(type: "bigint", nullable: true),
                    Aliases = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C")
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
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Clusters = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    BatchId = table.Column<int>(type: "integer", nullable: true),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataStamps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    SourceName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    FileName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ImportedAt = table.Column<long>(type: "bigint", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    WithdrawnAt = table.Column<long>(type: "bigint", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    RowsRead = table.Column<int>(type: "integer", nullable: false),
                    RowsWritten = table.Column<int>(type: "integer", nullable: false),
                    RowsSkipped = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    SheetName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ReportJson = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FirstYear = table.Column<int>(type: "integer", nullable: true),
                    LastYear = table.Column<int>(type: "integer", nullable: true),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false),
                    Money = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    PooledFund = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationAliases",
                columns: table => new
                {
                    AliasKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    CanonicalKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationAliases", x => x.AliasKey);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastUsedAt = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
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
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C")
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
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C")
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
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "C")
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    DistrictPcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Idps = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    DistrictPcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Boundary = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    PooledFund = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    AmountUsd = table.Column<double>(type: "double precision", nullable: false),
                    Flows = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Donor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "NOCASE"),
                    Recipient = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    Cluster = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true, collation: "NOCASE"),
                    GovernoratePcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DistrictPcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Locations = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    NamedPcodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    AmountUsd = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Boundary = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    SourceId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true, collation: "C"),
                    PooledFund = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C")
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Cluster = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true, collation: "NOCASE"),
                    Donor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "NOCASE"),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Boundary = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    PooledFund = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    AmountUsd = table.Column<double>(type: "double precision", nullable: false),
                    Flows = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    DistrictPcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Cluster = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "NOCASE"),
                    PeopleInNeed = table.Column<long>(type: "bigint", nullable: true),
                    Targeted = table.Column<long>(type: "bigint", nullable: true),
                    Reached = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Organisation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Acronym = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true, collation: "C"),
                    OrganisationKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    OrgType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true, collation: "C"),
                    Cluster = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true, collation: "NOCASE"),
                    GovernoratePcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    District = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true, collation: "C"),
                    DistrictPcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Activity = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    ActivityKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C")
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    GovernoratePcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    DistrictPcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Type = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_FundingDistrictTotals_Year_GovernoratePcode_DistrictPcode_S~",
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
                filter: "\"NamedPcodes\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_BatchId_Year",
                table: "FundingTotals",
                columns: new[] { "BatchId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_GovernoratePcode",
                table: "FundingTotals",
                column: "GovernoratePcode");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_Year_GovernoratePcode_Status_Boundary_BatchId~",
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

            // Hand-written (keep when regenerating; README, "Changing the database model"):
            // the audit trail is append-only, with SQLite's messages (TRUNCATE, which SQLite lacks, too).
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditEvents_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        RAISE EXCEPTION 'The audit trail is append-only: entries cannot be changed.';
                    END IF;
                    RAISE EXCEPTION 'The audit trail is append-only: entries cannot be deleted.';
                END $$;
                CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                """);
            // The three roles, with the same fixed ids as on SQLite.
            migrationBuilder.Sql("""
                INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES
                    ('role-viewer', 'viewer', 'VIEWER', 'role-viewer'),
                    ('role-data-manager', 'data-manager', 'DATA-MANAGER', 'role-data-manager'),
                    ('role-admin', 'admin', 'ADMIN', 'role-admin');
                """);
            // The data's version (DataStamp): raised at the commit of every transaction that changes
            // an import batch, which every change to the data does. A deferred trigger takes the
            // row's lock only while committing, so two imports run side by side until then.
            migrationBuilder.Sql("""
                INSERT INTO "DataStamps" ("Id", "Version") VALUES (1, 0);
                CREATE FUNCTION "DataStamps_Raise"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "DataStamps" SET "Version" = "Version" + 1 WHERE "Id" = 1;
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER "ImportBatches_RaiseDataStamp" AFTER INSERT OR UPDATE OR DELETE ON "ImportBatches"
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "DataStamps_Raise"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ImportBatches_RaiseDataStamp" ON "ImportBatches";
                DROP FUNCTION IF EXISTS "DataStamps_Raise"();
                DROP TRIGGER IF EXISTS "AuditEvents_NoUpdate" ON "AuditEvents";
                DROP TRIGGER IF EXISTS "AuditEvents_NoDelete" ON "AuditEvents";
                DROP TRIGGER IF EXISTS "AuditEvents_NoTruncate" ON "AuditEvents";
                DROP FUNCTION IF EXISTS "AuditEvents_AppendOnly"();
                """);
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
                name: "DataStamps");

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
