"""Reference for shop-search-checkout: search, add the lantern, check out with express delivery."""
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

driver = webdriver.Chrome()
try:
    wait = WebDriverWait(driver, 10)
    driver.get("http://127.0.0.1:8765/shop/")
    search = driver.find_element(By.CSS_SELECTOR, "input[placeholder='Search gear']")
    search.send_keys("lantern")
    search.send_keys(Keys.ENTER)
    add = wait.until(EC.element_to_be_clickable((
        By.XPATH, "//article[.//*[self::h2 or self::h3][normalize-space(.)='Lumen 400 Lantern']]"
                  "//button[normalize-space(.)='Add to cart']")))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", add)
    add.click()
    driver.find_element(By.ID, "cart-btn").click()
    wait.until(EC.element_to_be_clickable((By.XPATH, "//button[normalize-space(.)='Checkout']"))).click()
    wait.until(EC.url_contains("/checkout.html"))

    def field(label_text):
        label = driver.find_element(By.XPATH, f"//label[normalize-space(.)='{label_text}']")
        return driver.find_element(By.ID, label.get_attribute("for"))

    field("Email for receipt").send_keys("marta.silva@example.org")
    field("Full name").send_keys("Marta Silva")
    Select(field("Delivery")).select_by_visible_text("Express (next day)")
    driver.find_element(By.XPATH, "//button[normalize-space(.)='Place order']").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "done-text"), "is confirmed"))
finally:
    driver.quit()
