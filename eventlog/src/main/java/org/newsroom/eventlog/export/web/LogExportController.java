package org.newsroom.eventlog.export.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.newsroom.eventlog.export.ExportRefused;
import org.newsroom.eventlog.export.LogExport;
import org.newsroom.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The log as an export file, streamed while the application keeps writing: an online backup. */
@RestController
@Tag(name = "Operations", description = "Backup of the running installation (operators)")
class LogExportController {

    static final String CONTENT_TYPE = "application/gzip";
    static final String POSITION_HEADER = "Newsroom-Position";

    private final LogExport export;

    LogExportController(LogExport export) {
        this.export = export;
    }

    @GetMapping("/admin/log/export")
    @Operation(
            summary = "Export the event log as gzip'd NDJSON (newsroom-log-export/1), up to the head or to upTo",
            description = "Newsroom-Position gives the last position exported; appends made meanwhile are not in it")
    @ApiResponse(
            responseCode = "200",
            description = "The export file; Newsroom-Position: the last position exported",
            content = @Content(mediaType = CONTENT_TYPE))
    @ApiResponse(
            responseCode = "409",
            description = "position-beyond-head: upTo lies beyond the end of the log",
            content = @Content(mediaType = "application/problem+json"))
    void export(
            @Parameter(description = "Export up to this position (the end of the last commit at or before it)")
                    @RequestParam(name = "upTo", required = false)
                    @Nullable
                    String upTo,
            HttpServletResponse response)
            throws IOException {
        long size;
        try {
            size = export.size(upTo);
        } catch (ExportRefused refused) {
            throw new ProblemException(
                    refused.reason() == ExportRefused.Reason.BEYOND_HEAD ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                    refused.code(),
                    refused.getMessage());
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(CONTENT_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"newsroom-log-" + size + ".ndjson.gz\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(POSITION_HEADER, String.valueOf(size));
        export.write(size, response.getOutputStream());
    }
}
