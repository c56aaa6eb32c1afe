package org.newsroom.command.article;

public record Publication(int publicationNumber, String slug) {}
