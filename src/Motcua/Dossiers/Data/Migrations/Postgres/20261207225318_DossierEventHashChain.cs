using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Dossiers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DossierEventHashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastEventHash",
                schema: "dossiers",
                table: "dossiers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                schema: "dossiers",
                table: "dossier_events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                schema: "dossiers",
                table: "dossier_events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastEventHash",
                schema: "dossiers",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "Hash",
                schema: "dossiers",
                table: "dossier_events");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                schema: "dossiers",
                table: "dossier_events");
        }
    }
}
