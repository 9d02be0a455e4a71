using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItaSurvey.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EvidenceVerdicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OnAgencySite",
                table: "OitEvidenceUrls",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verdict",
                table: "OitEvidenceUrls",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerdictDetail",
                table: "OitEvidenceUrls",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerdictFinding",
                table: "OitEvidenceUrls",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerdictReason",
                table: "OitEvidenceUrls",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebDomains",
                table: "Agencies",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OnAgencySite",
                table: "OitEvidenceUrls");

            migrationBuilder.DropColumn(
                name: "Verdict",
                table: "OitEvidenceUrls");

            migrationBuilder.DropColumn(
                name: "VerdictDetail",
                table: "OitEvidenceUrls");

            migrationBuilder.DropColumn(
                name: "VerdictFinding",
                table: "OitEvidenceUrls");

            migrationBuilder.DropColumn(
                name: "VerdictReason",
                table: "OitEvidenceUrls");

            migrationBuilder.DropColumn(
                name: "WebDomains",
                table: "Agencies");
        }
    }
}
