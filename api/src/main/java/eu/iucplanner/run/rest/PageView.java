package eu.iucplanner.run.rest;

import java.util.List;

/**
 * One page of a list, newest first.
 *
 * @param content       the items of this page
 * @param page          the page number, from 0
 * @param size          the page size asked for
 * @param totalElements items in all pages
 * @param totalPages    number of pages
 */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
}
