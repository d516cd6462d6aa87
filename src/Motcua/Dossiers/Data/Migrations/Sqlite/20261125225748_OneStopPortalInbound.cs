using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Dossiers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneStopPortalInbound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PortalReference",
                table: "dossiers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "portal_inbound",
                columns: table => new
                {
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ReasonVi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReasonEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_inbound", x => x.Reference);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_PortalReference",
                table: "dossiers",
                column: "PortalReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_portal_inbound_AcknowledgedAt",
                table: "portal_inbound",
                column: "AcknowledgedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_inbound");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_PortalReference",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "PortalReference",
                table: "dossiers");
        }
    }
}
