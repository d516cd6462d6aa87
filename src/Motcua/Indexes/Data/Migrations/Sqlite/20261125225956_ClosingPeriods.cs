using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Indexes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosingPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EvidenceContentType",
                table: "index_manual_values",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceFileName",
                table: "index_manual_values",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceSha256",
                table: "index_manual_values",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EvidenceSize",
                table: "index_manual_values",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceStoredPath",
                table: "index_manual_values",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "index_adjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClosedPeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Shifts = table.Column<string>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_adjustments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_closed_periods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_closed_periods", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_adjustments_ClosedPeriodId_At",
                table: "index_adjustments",
                columns: new[] { "ClosedPeriodId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_index_adjustments_DossierCode",
                table: "index_adjustments",
                column: "DossierCode");

            migrationBuilder.CreateIndex(
                name: "IX_index_closed_periods_To",
                table: "index_closed_periods",
                column: "To");

            migrationBuilder.CreateIndex(
                name: "IX_index_closed_periods_UnitId_SetCode_From_To",
                table: "index_closed_periods",
                columns: new[] { "UnitId", "SetCode", "From", "To" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_adjustments");

            migrationBuilder.DropTable(
                name: "index_closed_periods");

            migrationBuilder.DropColumn(
                name: "EvidenceContentType",
                table: "index_manual_values");

            migrationBuilder.DropColumn(
                name: "EvidenceFileName",
                table: "index_manual_values");

            migrationBuilder.DropColumn(
                name: "EvidenceSha256",
                table: "index_manual_values");

            migrationBuilder.DropColumn(
                name: "EvidenceSize",
                table: "index_manual_values");

            migrationBuilder.DropColumn(
                name: "EvidenceStoredPath",
                table: "index_manual_values");
        }
    }
}
