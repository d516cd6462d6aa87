using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Dossiers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneStopPortalInbound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PortalReference",
                schema: "dossiers",
                table: "dossiers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "portal_inbound",
                schema: "dossiers",
                columns: table => new
                {
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Accepted = table.Column<bool>(type: "boolean", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ReasonVi = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReasonEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_inbound", x => x.Reference);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_PortalReference",
                schema: "dossiers",
                table: "dossiers",
                column: "PortalReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_portal_inbound_AcknowledgedAt",
                schema: "dossiers",
                table: "portal_inbound",
                column: "AcknowledgedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_inbound",
                schema: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_PortalReference",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "PortalReference",
                schema: "dossiers",
                table: "dossiers");
        }
    }
}
