using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Indexes.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClosingPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EvidenceContentType",
                schema: "indexes",
                table: "index_manual_values",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceFileName",
                schema: "indexes",
                table: "index_manual_values",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceSha256",
                schema: "indexes",
                table: "index_manual_values",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EvidenceSize",
                schema: "indexes",
                table: "index_manual_values",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceStoredPath",
                schema: "indexes",
                table: "index_manual_values",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "index_adjustments",
                schema: "indexes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosedPeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    IndicatorCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Shifts = table.Column<string>(type: "text", nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_adjustments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_closed_periods",
                schema: "indexes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SetCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_closed_periods", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_adjustments_ClosedPeriodId_At",
                schema: "indexes",
                table: "index_adjustments",
                columns: new[] { "ClosedPeriodId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_index_adjustments_DossierCode",
                schema: "indexes",
                table: "index_adjustments",
                column: "DossierCode");

            migrationBuilder.CreateIndex(
                name: "IX_index_closed_periods_To",
                schema: "indexes",
                table: "index_closed_periods",
                column: "To");

            migrationBuilder.CreateIndex(
                name: "IX_index_closed_periods_UnitId_SetCode_From_To",
                schema: "indexes",
                table: "index_closed_periods",
                columns: new[] { "UnitId", "SetCode", "From", "To" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_adjustments",
                schema: "indexes");

            migrationBuilder.DropTable(
                name: "index_closed_periods",
                schema: "indexes");

            migrationBuilder.DropColumn(
                name: "EvidenceContentType",
                schema: "indexes",
                table: "index_manual_values");

            migrationBuilder.DropColumn(
                name: "EvidenceFileName",
                schema: "indexes",
                table: "index_manual_values");

            migrationBuilder.DropColumn(
                name: "EvidenceSha256",
                schema: "indexes",
                table: "index_manual_values");

            migrationBuilder.DropColumn(
                name: "EvidenceSize",
                schema: "indexes",
                table: "index_manual_values");

            migrationBuilder.DropColumn(
                name: "EvidenceStoredPath",
                schema: "indexes",
                table: "index_manual_values");
        }
    }
}
