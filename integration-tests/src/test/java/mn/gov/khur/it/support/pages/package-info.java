/**
 * The pages a citizen meets, one class per page (named after its template), each naming the page's element ids
 * once as CSS selectors. The ids marked §3 are public (docs/CONTRACTS.md §3): automation outside this project
 * clicks them, so a change there is a contract change.
 *
 * <p>The same constants serve both browsers of the tests: {@code page.has(ReverseSmsPage.CODE)} on an
 * {@link mn.gov.khur.it.support.HttpBrowser.Page}, {@code By.cssSelector(ReverseSmsPage.CODE)} in Chromium. What a page
 * says in a data attribute is read by name ({@link mn.gov.khur.it.support.pages.RefusedPage#reason}).
 */
package mn.gov.khur.it.support.pages;
