using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Dossiers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneStopPortalDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PortalSyncedVersion",
                schema: "dossiers",
                table: "dossiers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // What the portal already acknowledged, from the sync states, so that only what is really due is sent again.
            migrationBuilder.Sql("""
                UPDATE dossiers.dossiers SET "PortalSyncedVersion" = s."SyncedVersion"
                FROM dossiers.portal_sync AS s
                WHERE s."DossierId" = dossiers."Id";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_portal_due",
                schema: "dossiers",
                table: "dossiers",
                column: "SubmittedAt",
                filter: "\"PortalSyncedVersion\" < \"Version\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossiers_portal_due",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "PortalSyncedVersion",
                schema: "dossiers",
                table: "dossiers");
        }
    }
}
