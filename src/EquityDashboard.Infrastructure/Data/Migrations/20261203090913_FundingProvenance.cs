using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EquityDashboard.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class FundingProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundingTotals_Year_GovernoratePcode_Status_Boundary_AmountUsd",
                table: "FundingTotals");

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "ImportBatches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Money",
                table: "ImportBatches",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Unspecified");

            migrationBuilder.AddColumn<string>(
                name: "PooledFund",
                table: "ImportBatches",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PooledFund",
                table: "FundingTotals",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NamedPcodes",
                table: "FundingRecords",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PooledFund",
                table: "FundingRecords",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_Year_GovernoratePcode_Status_Boundary_BatchId_PooledFund_AmountUsd",
                table: "FundingTotals",
                columns: new[] { "Year", "GovernoratePcode", "Status", "Boundary", "BatchId", "PooledFund", "AmountUsd" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingRecords_Year_Named",
                table: "FundingRecords",
                column: "Year",
                filter: "NamedPcodes IS NOT NULL");

            // Batches imported before these columns: illustrative where the source name said so (the
            // old rule); a batch whose every flow comes from one "(CBPF)" donor is that fund's
            // allocations; FTS batches are reported flows, their flows from or into a fund named as
            // one are tagged, and their totals summed again with the tag.
            migrationBuilder.Sql("UPDATE ImportBatches SET IsIllustrative = 1 WHERE SourceName LIKE '%illustrative%';");
            migrationBuilder.Sql("""
                UPDATE ImportBatches SET Money = 'PooledFundAllocations',
                    PooledFund = TRIM(REPLACE((SELECT MIN(Donor) FROM FundingTotals t WHERE t.BatchId = ImportBatches.Id), '(CBPF)', ''))
                WHERE Kind = 'Funding' AND Id IN (
                    SELECT BatchId FROM FundingTotals GROUP BY BatchId
                    HAVING MIN(Donor) = MAX(Donor) AND MIN(Donor) LIKE '%(CBPF)');
                """);
            migrationBuilder.Sql("UPDATE ImportBatches SET Money = 'ReportedFlows' WHERE Kind = 'Funding' AND Format = 'FTS flows';");
            migrationBuilder.Sql("""
                UPDATE FundingRecords SET PooledFund = CASE
                    WHEN Donor LIKE '%Humanitarian Fund' OR Donor LIKE '%Pooled Fund%' THEN TRIM(Donor)
                    WHEN Recipient LIKE '%Humanitarian Fund' OR Recipient LIKE '%Pooled Fund%' THEN TRIM(Recipient) END
                WHERE BatchId IN (SELECT Id FROM ImportBatches WHERE Money = 'ReportedFlows');
                DELETE FROM FundingTotals WHERE BatchId IN (SELECT Id FROM ImportBatches WHERE Money = 'ReportedFlows');
                INSERT INTO FundingTotals (BatchId, Year, GovernoratePcode, Cluster, Donor, Status, Boundary, PooledFund, AmountUsd, Flows)
                SELECT BatchId, Year, GovernoratePcode, Cluster, Donor, Status, Boundary, PooledFund, SUM(AmountUsd), COUNT(*)
                FROM FundingRecords WHERE BatchId IN (SELECT Id FROM ImportBatches WHERE Money = 'ReportedFlows')
                GROUP BY BatchId, Year, GovernoratePcode, Cluster, Donor, Status, Boundary, PooledFund;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundingTotals_Year_GovernoratePcode_Status_Boundary_BatchId_PooledFund_AmountUsd",
                table: "FundingTotals");

            migrationBuilder.DropIndex(
                name: "IX_FundingRecords_Year_Named",
                table: "FundingRecords");

            migrationBuilder.DropColumn(
                name: "IsIllustrative",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "Money",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "PooledFund",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "PooledFund",
                table: "FundingTotals");

            migrationBuilder.DropColumn(
                name: "NamedPcodes",
                table: "FundingRecords");

            migrationBuilder.DropColumn(
                name: "PooledFund",
                table: "FundingRecords");

            migrationBuilder.CreateIndex(
                name: "IX_FundingTotals_Year_GovernoratePcode_Status_Boundary_AmountUsd",
                table: "FundingTotals",
                columns: new[] { "Year", "GovernoratePcode", "Status", "Boundary", "AmountUsd" });
        }
    }
}
